package org.annals.review;

import java.util.UUID;

/** Published when a reviewer approves, rejects or requests changes (notifications, live views react). */
public record ChangesetDecided(UUID changesetId, UUID projectId, UUID authorId, UUID reviewerId, ChangesetState state,
        String message) {
}
