package org.annals.discussion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/**
 * One line of the activity feed, written in the transaction of what it tells. The label is what the
 * thing was called then, so the feed never reads the records (or proposals) themselves.
 */
@Entity
@Table(name = "project_activity")
class ProjectActivity extends AbstractEntity {

    static final int LABEL_MAX_LENGTH = 300;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private ActivityKind kind;

    /** Not vetted, or about changesets: only editors and above see the line. */
    @Column(name = "editors_only", nullable = false, updatable = false)
    private boolean editorsOnly;

    @Column(nullable = false, updatable = false, length = LABEL_MAX_LENGTH)
    private String label;

    @Column(name = "changeset_id", updatable = false)
    private @Nullable UUID changesetId;

    @Column(name = "record_kind", updatable = false, length = 32)
    private @Nullable String recordKind;

    @Column(name = "record_id", updatable = false)
    private @Nullable UUID recordId;

    /** The source the record lives in (an annotation's), or the source imported. */
    @Column(name = "context_id", updatable = false)
    private @Nullable UUID contextId;

    protected ProjectActivity() {
        // for JPA
    }

    ProjectActivity(UUID projectId, Instant occurredAt, UUID actorId, ActivityKind kind, boolean editorsOnly,
            String label, @Nullable UUID changesetId, @Nullable String recordKind, @Nullable UUID recordId,
            @Nullable UUID contextId) {
        this.projectId = projectId;
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.kind = kind;
        this.editorsOnly = editorsOnly;
        this.label = label.length() <= LABEL_MAX_LENGTH ? label : label.substring(0, LABEL_MAX_LENGTH - 1) + "…";
        this.changesetId = changesetId;
        this.recordKind = recordKind;
        this.recordId = recordId;
        this.contextId = contextId;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    UUID getActorId() {
        return actorId;
    }

    ActivityKind getKind() {
        return kind;
    }

    String getLabel() {
        return label;
    }

    @Nullable UUID getChangesetId() {
        return changesetId;
    }

    @Nullable String getRecordKind() {
        return recordKind;
    }

    @Nullable UUID getRecordId() {
        return recordId;
    }

    @Nullable UUID getContextId() {
        return contextId;
    }
}
