package org.annals.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "project")
public class Project extends AbstractEntity {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(length = DESCRIPTION_MAX_LENGTH)
    private @Nullable String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    /** Whether reviewers may approve their own changesets (off by default). */
    @Column(name = "allow_self_approval", nullable = false)
    private boolean allowSelfApproval;

    protected Project() {
    }

    Project(String name, @Nullable String description, UUID createdBy, Instant now) {
        this.name = name;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }

    public boolean allowsSelfApproval() {
        return allowSelfApproval;
    }

    void setAllowSelfApproval(boolean allowed) {
        this.allowSelfApproval = allowed;
    }

    void describe(String name, @Nullable String description) {
        this.name = name;
        this.description = description;
    }
}
