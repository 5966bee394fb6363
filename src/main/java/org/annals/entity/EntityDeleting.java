package org.annals.entity;

import java.util.UUID;

/**
 * An approved delete is about to happen. Features that point at entities (events, annotations)
 * listen and throw {@link org.annals.base.InvalidInputException} when the entity is still referenced;
 * the whole approval then rolls back.
 */
public record EntityDeleting(UUID projectId, UUID entityId) {
}
