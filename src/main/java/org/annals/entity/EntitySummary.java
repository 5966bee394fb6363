package org.annals.entity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record EntitySummary(UUID id, EntityKind kind, String name, @Nullable String wikidataId, Instant updatedAt) {
}
