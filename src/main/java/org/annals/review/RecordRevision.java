package org.annals.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One applied change of one record: the whole record afterwards, who proposed and who approved it.
 * History, diffs and reverts all read these rows. See docs/decisions/0007-revisions-without-envers.md.
 */
@Entity
@Immutable
@Table(name = "record_revision")
public class RecordRevision extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "record_kind", nullable = false, updatable = false, length = 32)
    private String recordKind;

    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;

    @Column(name = "record_version", updatable = false)
    private @Nullable Long recordVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private ChangeAction action;

    @Column(name = "changeset_id", nullable = false, updatable = false)
    private UUID changesetId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "reviewer_id", nullable = false, updatable = false)
    private UUID reviewerId;

    @Column(name = "applied_at", nullable = false, updatable = false)
    private Instant appliedAt;

    @Column(updatable = false)
    private @Nullable String snapshot;

    protected RecordRevision() {
    }

    RecordRevision(UUID projectId, RecordRef record, @Nullable Long recordVersion, ChangeAction action,
            Changeset changeset, UUID reviewerId, Instant appliedAt, @Nullable String snapshot) {
        this.projectId = projectId;
        this.recordKind = record.kind();
        this.recordId = record.id();
        this.recordVersion = recordVersion;
        this.action = action;
        this.changesetId = changeset.getId();
        this.authorId = changeset.getAuthorId();
        this.reviewerId = reviewerId;
        this.appliedAt = appliedAt;
        this.snapshot = snapshot;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public String getRecordKind() {
        return recordKind;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public @Nullable Long getRecordVersion() {
        return recordVersion;
    }

    public ChangeAction getAction() {
        return action;
    }

    public UUID getChangesetId() {
        return changesetId;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public UUID getReviewerId() {
        return reviewerId;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public @Nullable String getSnapshot() {
        return snapshot;
    }
}
