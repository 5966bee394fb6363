package org.annals.event;

import java.util.UUID;
import org.annals.review.KnockOnChanges;

/**
 * An approved merge of events: features whose records point at events move them to the survivor, and
 * report each record they changed in {@code changes} so that it gets a revision in the merge's
 * changeset and is announced with it.
 */
public record EventsMerged(UUID projectId, UUID duplicate, UUID survivor, KnockOnChanges changes) {
}
