package org.annals.security;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * JPA listener of the entities a caller's rights are read from (accounts, memberships): whatever is
 * saved, changed or removed, the {@link RightsMemo} of every request reads again. A new or removed row
 * is seen when it is saved or removed, a changed one when it is flushed; the entities' setters of rights
 * also say so at once, for a check made in the same transaction before the flush.
 */
public class RightsWritten {

    @PrePersist
    @PreUpdate
    @PreRemove
    void written(Object entity) {
        RightsMemo.forget();
    }
}
