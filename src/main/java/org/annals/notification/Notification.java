package org.annals.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "notification")
public class Notification extends AbstractEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, updatable = false, length = 1000)
    private String message;

    @Column(length = 500, updatable = false)
    private @Nullable String link;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private @Nullable Instant readAt;

    protected Notification() {
    }

    Notification(UUID userId, UUID projectId, String message, @Nullable String link, Instant now) {
        this.userId = userId;
        this.projectId = projectId;
        this.message = message.length() <= 1000 ? message : message.substring(0, 999) + "…";
        this.link = link;
        this.createdAt = now;
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    UUID getUserId() {
        return userId;
    }

    UUID getProjectId() {
        return projectId;
    }

    public String getMessage() {
        return message;
    }

    public @Nullable String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
