package org.annals.suggest;

import java.util.UUID;
import org.annals.entity.EntityKind;

/**
 * A name or alias of a vetted entity that the registry matcher will not look for, and why (one letter, a common
 * word): shown to the project's managers, who may change the alias on the entity's page.
 */
public record RefusedAlias(UUID entityId, EntityKind kind, String entityName, String alias, String reason) {
}
