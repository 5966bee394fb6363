package org.annals.review;

import java.util.UUID;

/**
 * Published inside an approval's transaction for each open changeset (draft, submitted or sent back)
 * that the approval made stale: it changes or deletes a record that has just changed or gone. Its
 * author should hear of it now rather than from a reviewer's refusal.
 */
public record ChangesetWentStale(UUID changesetId, UUID projectId, UUID authorId, String message,
        UUID approvedChangesetId) {
}
