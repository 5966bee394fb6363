package org.annals.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** A proposed change of a project's records: its message, author, state and decision. */
@Entity
@Table(name = "changeset")
public class Changeset extends AbstractEntity {

    public static final int MESSAGE_MAX_LENGTH = 2000;
    public static final int COMMENT_MAX_LENGTH = 4000;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false, length = MESSAGE_MAX_LENGTH)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ChangesetState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decided_by")
    private @Nullable UUID decidedBy;

    @Column(name = "decision_comment", length = COMMENT_MAX_LENGTH)
    private @Nullable String decisionComment;

    /**
     * The author's id while this is their working draft in the project (one per person per project,
     * kept so by a unique index); null otherwise, and cleared as soon as it leaves the DRAFT state.
     */
    @Column(name = "working_draft_of")
    private @Nullable UUID workingDraftOf;

    protected Changeset() {
    }

    Changeset(UUID projectId, UUID authorId, String message, Instant now) {
        this.projectId = projectId;
        this.authorId = authorId;
        this.message = message;
        this.state = ChangesetState.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves to the next state, refusing any transition the state machine does not allow. */
    void moveTo(ChangesetState next, Instant now) {
        if (!state.canBecome(next)) {
            throw new IllegalTransitionException(state, next);
        }
        state = next;
        updatedAt = now;
        if (next != ChangesetState.DRAFT) {
            workingDraftOf = null;
        }
        if (next == ChangesetState.SUBMITTED) {
            submittedAt = now;
        }
    }

    void decide(ChangesetState decision, UUID reviewer, @Nullable String comment, Instant now) {
        moveTo(decision, now);
        decidedAt = now;
        decidedBy = reviewer;
        decisionComment = comment;
    }

    /** Makes this draft its author's working draft in the project (see {@link WorkingDraftService}). */
    void makeWorkingDraft() {
        if (state != ChangesetState.DRAFT) {
            throw new IllegalTransitionException(state, ChangesetState.DRAFT);
        }
        workingDraftOf = authorId;
    }

    public boolean isWorkingDraft() {
        return workingDraftOf != null;
    }

    void rewrite(String message, Instant now) {
        this.message = message;
        this.updatedAt = now;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public String getMessage() {
        return message;
    }

    public ChangesetState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public @Nullable Instant getSubmittedAt() {
        return submittedAt;
    }

    public @Nullable Instant getDecidedAt() {
        return decidedAt;
    }

    public @Nullable UUID getDecidedBy() {
        return decidedBy;
    }

    public @Nullable String getDecisionComment() {
        return decisionComment;
    }
}
