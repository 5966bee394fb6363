package org.annals.authorization;

import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;

/** Who calls, from nobody to a site administrator, in increasing order of rights. */
enum Actor {
    ANONYMOUS(null),
    NON_MEMBER(null),
    VIEWER(ProjectRole.VIEWER),
    EDITOR(ProjectRole.EDITOR),
    REVIEWER(ProjectRole.REVIEWER),
    MANAGER(ProjectRole.MANAGER),
    ADMIN(null);

    private final @Nullable ProjectRole role;

    Actor(@Nullable ProjectRole role) {
        this.role = role;
    }

    @Nullable ProjectRole projectRole() {
        return role;
    }

    boolean atLeast(Actor required) {
        return ordinal() >= required.ordinal();
    }
}
