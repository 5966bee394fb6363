package org.annals.suggest;

import java.util.UUID;

/**
 * Published in the transaction when the project's suggestions change for everyone outside a changeset (a name
 * refused "never here" or allowed again); {@link RegistryCache} tells open editors after commit on the collab bus
 * ({@code CollabEvent.Kind.SUGGESTIONS_CHANGED}).
 */
record SuggestionsChanged(UUID projectId, UUID actorId) {
}
