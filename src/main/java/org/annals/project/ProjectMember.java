package org.annals.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.annals.security.RightsMemo;
import org.annals.security.RightsWritten;

/** One user's membership in one project. Ids, not entity references: membership checks stay one indexed lookup. */
@Entity
@Table(name = "project_member")
@EntityListeners(RightsWritten.class)
public class ProjectMember extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProjectRole role;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected ProjectMember() {
    }

    ProjectMember(UUID projectId, UUID userId, ProjectRole role, Instant now) {
        this.projectId = projectId;
        this.userId = userId;
        this.role = role;
        this.addedAt = now;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public UUID getUserId() {
        return userId;
    }

    public ProjectRole getRole() {
        return role;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    void setRole(ProjectRole role) {
        this.role = role;
        // Checked in the same transaction before the flush, the new role counts (RightsMemo).
        RightsMemo.forget();
    }
}
