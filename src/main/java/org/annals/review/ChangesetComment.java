package org.annals.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;

/** A message in a changeset's discussion (decision comments are kept here too). */
@Entity
@Table(name = "changeset_comment")
public class ChangesetComment extends AbstractEntity {

    public static final int BODY_MAX_LENGTH = 10_000;

    @Column(name = "changeset_id", nullable = false, updatable = false)
    private UUID changesetId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false, updatable = false, length = BODY_MAX_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ChangesetComment() {
    }

    ChangesetComment(UUID changesetId, UUID authorId, String body, Instant now) {
        this.changesetId = changesetId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
