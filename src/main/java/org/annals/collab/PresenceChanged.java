package org.annals.collab;

import java.util.UUID;

/** Someone opened or left a context (published in the transaction; relayed to the bus after commit). */
record PresenceChanged(UUID projectId, UUID contextId, UUID userId) {
}
