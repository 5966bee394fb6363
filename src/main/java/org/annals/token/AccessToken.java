package org.annals.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** A personal access token. The secret itself is never stored, only its SHA-256 hash. */
@Entity
@Table(name = "access_token")
public class AccessToken extends AbstractEntity {

    public static final int NAME_MAX_LENGTH = 100;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "project_id", updatable = false)
    private @Nullable UUID projectId;

    @Column(nullable = false, updatable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private TokenScope scope;

    @Column(name = "secret_hash", nullable = false, updatable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected AccessToken() {
    }

    AccessToken(UUID userId, @Nullable UUID projectId, String name, TokenScope scope, String secretHash,
            Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.projectId = projectId;
        this.name = name;
        this.scope = scope;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    UUID getUserId() {
        return userId;
    }

    @Nullable UUID getProjectId() {
        return projectId;
    }

    TokenScope getScope() {
        return scope;
    }

    TokenSummary summary(@Nullable String projectName) {
        return new TokenSummary(getId(), name, projectId, projectName, scope, createdAt, expiresAt, lastUsedAt,
                revokedAt != null);
    }
}
