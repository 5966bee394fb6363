package org.annals.base;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * Base of every stored record. The id is chosen by the application, not the database, so that a
 * change can create several records that point at each other before any of them is written.
 * {@code @Version} makes concurrent edits fail loudly instead of silently overwriting each other.
 */
@MappedSuperclass
public abstract class AbstractEntity implements Persistable<UUID> {

    @Id
    @Column(nullable = false, updatable = false)
    private UUID id = Uuids.timeOrdered();

    @Version
    @Column(nullable = false)
    private long version;

    /**
     * Whether this record has never been stored. With ids assigned up front, Spring Data cannot tell
     * new from stored by the id and would issue a SELECT before every INSERT; this flag tells it.
     */
    @Transient
    private boolean isNew = true;

    @PostPersist
    @PostLoad
    void markStored() {
        isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @Override
    public UUID getId() {
        return id;
    }

    /** For records whose id was allocated before the record itself (a pending proposal, say). */
    protected void assignId(UUID id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || Hibernate.getClass(this) != Hibernate.getClass(other)) {
            return false;
        }
        return id.equals(((AbstractEntity) other).getId());
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
