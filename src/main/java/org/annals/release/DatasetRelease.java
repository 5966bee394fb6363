package org.annals.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.hibernate.annotations.Immutable;

/** A published release. Never changed after it is written. */
@Entity
@Immutable
@Table(name = "dataset_release")
class DatasetRelease extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, length = 4000)
    private String notes;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "file_size", nullable = false, updatable = false)
    private long fileSize;

    @Column(name = "file_sha256", nullable = false, updatable = false, length = 64)
    private String fileSha256;

    @Column(nullable = false, updatable = false)
    private String manifest;

    @Column(name = "event_count", nullable = false, updatable = false)
    private int eventCount;

    @Column(name = "entity_count", nullable = false, updatable = false)
    private int entityCount;

    @Column(name = "annotation_count", nullable = false, updatable = false)
    private int annotationCount;

    @Column(name = "published_by", nullable = false, updatable = false)
    private UUID publishedBy;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    protected DatasetRelease() {
    }

    DatasetRelease(UUID id, UUID projectId, int number, String notes, String fileName, long fileSize, String fileSha256,
            String manifest, int eventCount, int entityCount, int annotationCount, UUID publishedBy, Instant publishedAt) {
        assignId(id);
        this.projectId = projectId;
        this.number = number;
        this.notes = notes;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.fileSha256 = fileSha256;
        this.manifest = manifest;
        this.eventCount = eventCount;
        this.entityCount = entityCount;
        this.annotationCount = annotationCount;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    UUID getProjectId() {
        return projectId;
    }

    int getNumber() {
        return number;
    }

    String getNotes() {
        return notes;
    }

    String getFileName() {
        return fileName;
    }

    long getFileSize() {
        return fileSize;
    }

    String getFileSha256() {
        return fileSha256;
    }

    String getManifest() {
        return manifest;
    }

    int getEventCount() {
        return eventCount;
    }

    int getEntityCount() {
        return entityCount;
    }

    int getAnnotationCount() {
        return annotationCount;
    }

    UUID getPublishedBy() {
        return publishedBy;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }
}
