package org.annals.project;

import java.time.Instant;
import java.util.UUID;

public record MemberSummary(UUID userId, String username, String displayName, ProjectRole role, boolean enabled,
        Instant addedAt) {

    public String label() {
        return displayName.equals(username) ? username : displayName + " (" + username + ")";
    }
}
