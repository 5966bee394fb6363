package org.annals.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A vetted entity as its page shows it. {@code redirectedFrom} is set when the requested id belongs
 * to a duplicate merged into this one.
 */
public record EntityDetails(UUID id, long version, EntityPayload values, @Nullable EntitySummary partOf,
        List<EntitySummary> parts, @Nullable UUID redirectedFrom, Instant updatedAt) {
}
