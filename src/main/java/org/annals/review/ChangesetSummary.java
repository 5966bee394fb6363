package org.annals.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A changeset in a list: the queue, or an author's own changesets. */
public record ChangesetSummary(UUID id, UUID projectId, UUID authorId, String authorName, String message,
        ChangesetState state, Instant updatedAt, @Nullable Instant submittedAt, List<String> operationLabels) {
}
