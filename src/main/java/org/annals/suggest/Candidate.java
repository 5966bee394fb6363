package org.annals.suggest;

import java.util.UUID;
import org.annals.entity.EntityKind;
import org.jspecify.annotations.Nullable;

/**
 * A registry entity a name in the text may mean, with what tells it from others of the same name: its
 * description and what it is part of. {@code vetted} false: proposed in an open changeset (editors see those).
 */
public record Candidate(UUID id, EntityKind kind, String name, @Nullable String description,
        @Nullable String partOf, boolean vetted) {
}
