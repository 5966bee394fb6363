package org.annals.notification;

import java.util.UUID;

/**
 * A person got a notification in a project (published in the transaction that created it): their
 * open pages recount the bell after commit, nobody else's do.
 */
public record NotificationsChanged(UUID projectId, UUID userId) {
}
