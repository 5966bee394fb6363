package org.annals.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.annals.source.parse.SourceFormat;
import org.jspecify.annotations.Nullable;

/** A document of a project: its metadata and the frozen text version it points to. */
@Entity
@Table(name = "source")
public class Source extends AbstractEntity {

    public static final int TITLE_MAX_LENGTH = 500;
    public static final int URL_MAX_LENGTH = 2000;
    public static final int NAME_MAX_LENGTH = 300;
    public static final int LANGUAGE_MAX_LENGTH = 35;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "text_version_id", nullable = false, updatable = false)
    private UUID textVersionId;

    @Column(nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Column(length = URL_MAX_LENGTH)
    private @Nullable String url;

    @Column(length = NAME_MAX_LENGTH)
    private @Nullable String publisher;

    @Column(length = NAME_MAX_LENGTH)
    private @Nullable String author;

    @Column(name = "published_on")
    private @Nullable LocalDate publishedOn;

    @Column(name = "retrieved_on")
    private @Nullable LocalDate retrievedOn;

    @Column(length = LANGUAGE_MAX_LENGTH)
    private @Nullable String language;

    @Column(length = NAME_MAX_LENGTH)
    private @Nullable String licence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private SourceFormat format;

    @Column(name = "original_filename", updatable = false)
    private @Nullable String originalFilename;

    @Column(updatable = false, length = 40)
    private @Nullable String charset;

    @Column(name = "text_length", nullable = false, updatable = false)
    private int textLength;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    protected Source() {
    }

    Source(UUID projectId, TextVersion text, SourceMetadata metadata, SourceFormat format,
            @Nullable String originalFilename, @Nullable String charset, UUID createdBy, Instant now) {
        this.projectId = projectId;
        this.textVersionId = text.getId();
        this.textLength = text.getLength();
        this.format = format;
        this.originalFilename = originalFilename;
        this.charset = charset;
        this.createdBy = createdBy;
        this.createdAt = now;
        describe(metadata);
    }

    void describe(SourceMetadata metadata) {
        this.title = metadata.title();
        this.url = metadata.url();
        this.publisher = metadata.publisher();
        this.author = metadata.author();
        this.publishedOn = metadata.publishedOn();
        this.retrievedOn = metadata.retrievedOn();
        this.language = metadata.language();
        this.licence = metadata.licence();
    }

    public UUID getProjectId() {
        return projectId;
    }

    public UUID getTextVersionId() {
        return textVersionId;
    }

    public SourceMetadata metadata() {
        return new SourceMetadata(title, url, publisher, author, publishedOn, retrievedOn, language, licence);
    }

    public SourceFormat getFormat() {
        return format;
    }

    public @Nullable String getOriginalFilename() {
        return originalFilename;
    }

    public @Nullable String getCharset() {
        return charset;
    }

    public int getTextLength() {
        return textLength;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getCreatedBy() {
        return createdBy;
    }
}
