package org.annals.discussion;

import java.util.UUID;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * A comment was stored (published in its transaction; the collab relay announces it after commit so
 * that open threads reload). Ids only: exactly one of {@code record} (with the source it lives in, for
 * an annotation) and {@code changesetId} is set. {@code commentId} is the stored comment (the search
 * feed records it).
 */
public record CommentPosted(UUID projectId, @Nullable RecordRef record, @Nullable UUID contextId,
        @Nullable UUID changesetId, UUID authorId, UUID commentId) {
}
