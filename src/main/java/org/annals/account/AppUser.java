package org.annals.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;
import org.annals.base.AbstractEntity;
import org.annals.security.RightsMemo;
import org.annals.security.RightsWritten;

/** An account. The user name is stored in lower case and is what people sign in with. */
@Entity
@Table(name = "app_user")
@EntityListeners(RightsWritten.class)
public class AppUser extends AbstractEntity {

    public static final int USERNAME_MIN_LENGTH = 3;
    public static final int USERNAME_MAX_LENGTH = 32;
    public static final int DISPLAY_NAME_MAX_LENGTH = 100;
    /** Lower-case letters, digits, dot, dash and underscore; starts with a letter or digit. */
    public static final Pattern USERNAME_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    @Column(nullable = false, length = USERNAME_MAX_LENGTH, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX_LENGTH)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String passwordHash, boolean admin, Instant now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    void changePasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        // Sessions are compared with it: no request may go on with what it read before (RightsMemo).
        RightsMemo.forget();
    }

    /** A rehash in a newer format is not a password change. */
    void upgradePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        RightsMemo.forget();
    }

    void setAdmin(boolean admin) {
        this.admin = admin;
        RightsMemo.forget();
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
