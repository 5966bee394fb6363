package org.annals.discussion;

import java.time.Instant;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * One line of the activity feed: who did what to which thing, when. {@code changesetId} is only set
 * for callers who may open changesets (editors and above).
 */
public record ActivityItem(UUID id, Instant at, String actor, ActivityKind kind, String label,
        @Nullable UUID changesetId, @Nullable RecordRef record, @Nullable UUID sourceId) {
}
