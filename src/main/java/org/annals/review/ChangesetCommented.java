package org.annals.review;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone added to a changeset's discussion (published in the transaction that stores the comment).
 * Carries the text so that listeners in the same transaction (mentions, the activity feed) need not
 * read it again; it never travels on the collab bus.
 */
public record ChangesetCommented(UUID changesetId, UUID projectId, String changesetMessage, UUID commentId,
        UUID authorId, UUID changesetAuthorId, String body, Instant at) {
}
