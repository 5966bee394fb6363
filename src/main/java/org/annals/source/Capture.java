package org.annals.source;

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
 * The capture of a source: what its frozen text was made from ({@link Original}), stored with the source in the
 * same transaction. The metadata is always kept; the bytes only up to {@code annals.import.keep-original-max-size}.
 * Written once, never changed (the text it produced is frozen too). Read through {@link CaptureService}, which never
 * loads the bytes unless they are asked for.
 */
@Entity
@Immutable
@Table(name = "source_capture")
class Capture extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "source_id", nullable = false, updatable = false)
    private UUID sourceId;

    /** The frozen text this capture was turned into: the text records which capture it came from. */
    @Column(name = "text_version_id", nullable = false, updatable = false)
    private UUID textVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private Original.Kind kind;

    @Column(name = "file_name", updatable = false)
    private @Nullable String fileName;

    @Column(name = "requested_url", updatable = false, length = Source.URL_MAX_LENGTH)
    private @Nullable String requestedUrl;

    @Column(name = "final_url", updatable = false, length = Source.URL_MAX_LENGTH)
    private @Nullable String finalUrl;

    @Column(name = "http_status", updatable = false)
    private @Nullable Integer httpStatus;

    @Column(name = "content_type", updatable = false)
    private @Nullable String contentType;

    @Column(name = "retrieved_at", nullable = false, updatable = false)
    private Instant retrievedAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    /** Null when the original was larger than the operator lets Annals keep. */
    @Column(name = "content", updatable = false)
    private byte @Nullable [] content;

    protected Capture() {
    }

    Capture(UUID projectId, UUID sourceId, UUID textVersionId, Original original, @Nullable String fileName,
            boolean keepBytes) {
        this.projectId = projectId;
        this.sourceId = sourceId;
        this.textVersionId = textVersionId;
        this.kind = original.kind();
        this.fileName = fileName;
        this.requestedUrl = original.requestedUrl();
        this.finalUrl = original.finalUrl();
        this.httpStatus = original.httpStatus();
        this.contentType = original.contentType();
        this.retrievedAt = original.retrievedAt();
        this.sha256 = original.sha256();
        this.sizeBytes = original.size();
        this.content = keepBytes ? original.bytes() : null;
    }
}
