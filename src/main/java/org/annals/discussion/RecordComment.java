package org.annals.discussion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;

/** One message in the thread of a record (event, entity or annotation), stored exactly as typed. */
@Entity
@Table(name = "record_comment")
class RecordComment extends AbstractEntity {

    /** The same limit as a changeset's comments, so that both threads behave alike. */
    static final int BODY_MAX_LENGTH = DiscussionService.BODY_MAX_LENGTH;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "record_kind", nullable = false, updatable = false, length = 32)
    private String recordKind;

    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false, updatable = false, length = BODY_MAX_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected RecordComment() {
        // for JPA
    }

    RecordComment(UUID projectId, String recordKind, UUID recordId, UUID authorId, String body, Instant now) {
        this.projectId = projectId;
        this.recordKind = recordKind;
        this.recordId = recordId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    UUID getAuthorId() {
        return authorId;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
