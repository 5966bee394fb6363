package org.annals.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.hibernate.annotations.Immutable;

/**
 * A frozen text. Immutable by construction: Hibernate never writes an update for it, and nothing in
 * Annals has a way to change it, because annotations point into it by offset.
 */
@Entity
@Immutable
@Table(name = "text_version")
public class TextVersion extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    /**
     * A {@code text} column on both databases (unbounded; JDBC reports it as VARCHAR on both). Lists of
     * sources never load this entity (they use projections), so megabytes of text stay in the database.
     */
    @Column(name = "content", nullable = false, updatable = false)
    private String content;

    @Column(name = "text_length", nullable = false, updatable = false)
    private int length;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TextVersion() {
    }

    TextVersion(UUID projectId, FrozenText frozen, Instant now) {
        this.projectId = projectId;
        this.sha256 = frozen.sha256();
        this.content = frozen.text();
        this.length = frozen.text().length();
        this.createdAt = now;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public String getSha256() {
        return sha256;
    }

    public String getContent() {
        return content;
    }

    public int getLength() {
        return length;
    }
}
