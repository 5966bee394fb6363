package org.annals.event;

import java.util.UUID;
import org.annals.review.KnockOnChanges;

/**
 * An approved delete of an annotation is about to happen (the annotation feature publishes it; it is declared
 * here because events may not know annotations). Claims quoting the annotation keep their value and source and
 * lose the quote (decision 0030); each event so changed is reported in {@code changes}, so that it gets a
 * revision in the deletion's changeset.
 */
public record QuoteDeleting(UUID projectId, UUID annotationId, KnockOnChanges changes) {
}
