package org.annals.event.prefill;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;

/** A registry record as the pre-fill matches it: its name and every alias, in any script. */
public record RegistryName(UUID id, EntityKind kind, String name, List<String> aliases) {

    public RegistryName {
        aliases = List.copyOf(aliases);
    }
}
