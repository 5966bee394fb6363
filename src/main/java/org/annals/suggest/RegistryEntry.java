package org.annals.suggest;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.jspecify.annotations.Nullable;

/** An entity as the registry recogniser matches it: its name and every alias in any script, and how to tell it apart. */
public record RegistryEntry(UUID id, EntityKind kind, String name, List<String> aliases, @Nullable String description,
        @Nullable String partOf, boolean vetted) {

    public RegistryEntry {
        aliases = List.copyOf(aliases);
    }

    public Candidate candidate() {
        return new Candidate(id, kind, name, description, partOf, vetted);
    }
}
