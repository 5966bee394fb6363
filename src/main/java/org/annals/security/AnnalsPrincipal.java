package org.annals.security;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security keeps it in the session. The password hash is erased after sign-in. */
public final class AnnalsPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final String username;
    private final String displayName;
    private final boolean admin;
    private final boolean enabled;
    private @Nullable String passwordHash;
    /** When the password this session was signed in with was set; null where no password is involved. */
    private final @Nullable Instant passwordSince;

    public AnnalsPrincipal(UUID userId, String username, String displayName, @Nullable String passwordHash,
            boolean admin, boolean enabled) {
        this(userId, username, displayName, passwordHash, admin, enabled, null);
    }

    public AnnalsPrincipal(UUID userId, String username, String displayName, @Nullable String passwordHash,
            boolean admin, boolean enabled, @Nullable Instant passwordSince) {
        this.passwordSince = passwordSince;
        this.userId = userId;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.enabled = enabled;
    }

    public UUID userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isAdmin() {
        return admin;
    }

    /**
     * When the account's password was set as of sign-in: a session whose password has since been
     * changed or reset ends (see {@link SessionStanding}). Null for a principal that no password
     * signed in (tests, jobs).
     */
    public @Nullable Instant passwordSince() {
        return passwordSince;
    }

    /** The same person after they changed their own password in this session: this session goes on. */
    public AnnalsPrincipal withPasswordSince(Instant since) {
        return new AnnalsPrincipal(userId, username, displayName, passwordHash, admin, enabled, since);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.USER));
        if (admin) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof AnnalsPrincipal that && userId.equals(that.userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "AnnalsPrincipal[" + username + "]";
    }
}
