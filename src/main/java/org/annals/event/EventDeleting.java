package org.annals.event;

import java.util.UUID;

/**
 * An approved delete of an event is about to happen. Features that point at events (annotations)
 * throw {@link org.annals.base.InvalidInputException} when it is still referenced; the whole
 * approval then rolls back.
 */
public record EventDeleting(UUID projectId, UUID eventId) {
}
