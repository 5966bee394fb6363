package org.annals.project;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A project as its members see it, with the caller's own role. */
public record ProjectSummary(UUID id, String name, @Nullable String description, ProjectRole myRole,
        Instant createdAt) {
}
