package org.annals.account;

import java.time.Instant;
import java.util.UUID;

/** What views and other features see of an account: never the password hash. */
public record UserSummary(UUID id, String username, String displayName, boolean admin, boolean enabled,
        Instant createdAt) {

    static UserSummary of(AppUser user) {
        return new UserSummary(user.getId(), user.getUsername(), user.getDisplayName(), user.isAdmin(),
                user.isEnabled(), user.getCreatedAt());
    }

    /** "Display Name (username)", or just the user name when both are the same. */
    public String label() {
        return displayName.equals(username) ? username : displayName + " (" + username + ")";
    }
}
