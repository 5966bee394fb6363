package org.annals.entity;

import java.util.UUID;
import org.annals.review.KnockOnChanges;

/**
 * An approved merge: features whose records point at entities move their references to the survivor,
 * and report each record they changed in {@code changes} so that it gets a revision in the merge's
 * changeset and is announced with it.
 */
public record EntitiesMerged(UUID projectId, UUID duplicate, UUID survivor, KnockOnChanges changes) {
}
