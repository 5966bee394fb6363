package org.annals.entity;

import java.util.UUID;

/** An approved merge: features whose records point at entities move their references to the survivor. */
public record EntitiesMerged(UUID projectId, UUID duplicate, UUID survivor) {
}
