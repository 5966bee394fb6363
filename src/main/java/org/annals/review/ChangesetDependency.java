package org.annals.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.annals.base.AbstractEntity;

/** A changeset refers to records that another, still open, changeset creates (decision 0023). */
@Entity
@Table(name = "changeset_dependency")
class ChangesetDependency extends AbstractEntity {

    @Column(name = "changeset_id", nullable = false, updatable = false)
    private UUID changesetId;

    @Column(name = "depends_on_id", nullable = false, updatable = false)
    private UUID dependsOnId;

    protected ChangesetDependency() {
    }

    ChangesetDependency(UUID changesetId, UUID dependsOnId) {
        this.changesetId = changesetId;
        this.dependsOnId = dependsOnId;
    }

    UUID getChangesetId() {
        return changesetId;
    }

    UUID getDependsOnId() {
        return dependsOnId;
    }
}
