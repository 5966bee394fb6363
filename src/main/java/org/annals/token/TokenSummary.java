package org.annals.token;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A token as its owner sees it in lists: everything but the secret, which is never shown again. */
public record TokenSummary(UUID id, String name, @Nullable UUID projectId, @Nullable String projectName,
        TokenScope scope, Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt, boolean revoked) {

    public boolean active(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    /** "Active", "Expired" or "Revoked", for lists. */
    public String status(Instant now) {
        if (revoked) {
            return "Revoked";
        }
        return active(now) ? "Active" : "Expired";
    }
}
