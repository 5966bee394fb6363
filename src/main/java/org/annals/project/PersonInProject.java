package org.annals.project;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's standing in one project as the database has it now, read in one query: their account's
 * state and global role, their membership, and whether the project exists.
 */
record PersonInProject(boolean enabled, boolean admin, @Nullable ProjectRole membership, @Nullable UUID projectId) {

    /**
     * The role they act with: none for a disabled account or a project that does not exist;
     * administrators are managers of every project (decision 0001); everyone else has their membership.
     */
    Optional<ProjectRole> role() {
        if (!enabled || projectId == null) {
            return Optional.empty();
        }
        return admin ? Optional.of(ProjectRole.MANAGER) : Optional.ofNullable(membership);
    }
}
