package org.annals.annotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** A vetted annotation. Only the moderation engine writes it (through {@link AnnotationRecordType}). */
@Entity
@Table(name = "annotation")
public class Annotation extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "source_id", nullable = false, updatable = false)
    private UUID sourceId;

    /** The text the offsets count in; a source's text never changes, so neither does this. */
    @Column(name = "text_version_id", nullable = false, updatable = false)
    private UUID textVersionId;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    @Column(name = "exact_quote", nullable = false, length = 10000)
    private String exact;

    @Column(nullable = false, length = 64)
    private String prefix;

    @Column(nullable = false, length = 64)
    private String suffix;

    @Enumerated(EnumType.STRING)
    @Column(name = "annotation_type", nullable = false, length = 20)
    private AnnotationType type;

    @Column(name = "linked_kind", length = 32)
    private @Nullable String linkKind;

    @Column(name = "linked_id")
    private @Nullable UUID linkId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Annotation() {
    }

    Annotation(UUID id, UUID projectId, UUID textVersionId, AnnotationPayload values, Instant now) {
        assignId(id);
        this.projectId = projectId;
        this.sourceId = values.sourceId();
        this.textVersionId = textVersionId;
        this.createdAt = now;
        set(values, now);
    }

    void set(AnnotationPayload values, Instant now) {
        this.start = values.start();
        this.end = values.end();
        this.exact = values.exact();
        this.prefix = values.prefix();
        this.suffix = values.suffix();
        this.type = values.type();
        this.linkKind = values.linkKind();
        this.linkId = values.linkId();
        this.updatedAt = now;
    }

    void relink(String kind, UUID id, Instant now) {
        this.linkKind = kind;
        this.linkId = id;
        this.updatedAt = now;
    }

    AnnotationPayload values() {
        return new AnnotationPayload(sourceId, start, end, exact, prefix, suffix, type, linkKind, linkId);
    }

    public UUID getProjectId() {
        return projectId;
    }

    public UUID getSourceId() {
        return sourceId;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    public String getExact() {
        return exact;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getSuffix() {
        return suffix;
    }

    public AnnotationType getType() {
        return type;
    }

    public @Nullable String getLinkKind() {
        return linkKind;
    }

    public @Nullable UUID getLinkId() {
        return linkId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
