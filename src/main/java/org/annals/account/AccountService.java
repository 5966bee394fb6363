package org.annals.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.LikePattern;
import org.annals.base.NotFoundException;
import org.annals.security.AccountRightsChanged;
import org.annals.security.RightsChangedException.Reason;
import org.annals.security.CurrentUser;
import org.annals.security.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration (ADMIN only) and each user's own password. Every rule that protects the
 * site from locking itself out lives here: an administrator cannot disable or demote themselves,
 * and the last enabled administrator stays one.
 */
@Service
@Transactional
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwordPolicy;
    private final ApplicationEventPublisher events;

    AccountService(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy passwordPolicy,
            ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
        this.encoder = encoder;
        this.passwordPolicy = passwordPolicy;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary createUser(String username, String displayName, String password, boolean admin) {
        String name = normaliseUsername(username);
        String display = normaliseDisplayName(displayName, name);
        if (users.existsByUsername(name)) {
            throw new InvalidInputException("A user named '" + name + "' already exists.");
        }
        passwordPolicy.check(password, name);
        AppUser user = users.save(new AppUser(name, display, encoder.encode(password), admin, Instant.now()));
        log.info("User '{}' created by '{}'{}", name, CurrentUser.require().getUsername(), admin ? " as administrator" : "");
        return UserSummary.of(user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> findUsers(String filter, int page, int pageSize) {
        var request = PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1, 500));
        return users.search(LikePattern.containing(filter.strip()), request).stream().map(UserSummary::of).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long countUsers(String filter) {
        return users.countSearch(LikePattern.containing(filter.strip()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary setEnabled(UUID userId, boolean enabled) {
        AppUser user = find(userId);
        if (!enabled) {
            refuseForSelf(user, "You cannot disable your own account.");
            if (user.isAdmin() && user.isEnabled()) {
                refuseIfLastAdmin("disable");
            }
        }
        if (user.isEnabled() && !enabled) {
            events.publishEvent(new AccountRightsChanged(user.getId(), Reason.DISABLED));
        }
        user.setEnabled(enabled);
        log.info("User '{}' {} by '{}'", user.getUsername(), enabled ? "re-enabled" : "disabled",
                CurrentUser.require().getUsername());
        return UserSummary.of(user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary setAdmin(UUID userId, boolean admin) {
        AppUser user = find(userId);
        if (!admin) {
            refuseForSelf(user, "You cannot remove your own administrator role.");
            if (user.isAdmin() && user.isEnabled()) {
                refuseIfLastAdmin("demote");
            }
        }
        if (user.isAdmin() != admin) {
            events.publishEvent(new AccountRightsChanged(user.getId(), Reason.RIGHTS_CHANGED));
        }
        user.setAdmin(admin);
        log.info("User '{}' {} by '{}'", user.getUsername(), admin ? "made administrator" : "no longer administrator",
                CurrentUser.require().getUsername());
        return UserSummary.of(user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(UUID userId, String newPassword) {
        AppUser user = find(userId);
        passwordPolicy.check(newPassword, user.getUsername());
        user.changePasswordHash(encoder.encode(newPassword), Instant.now());
        // Whoever is signed in with the old password is signed out: a reset usually means the account
        // was in the wrong hands.
        events.publishEvent(new AccountRightsChanged(user.getId(), Reason.PASSWORD_CHANGED));
        log.info("Password of '{}' reset by '{}'", user.getUsername(), CurrentUser.require().getUsername());
    }

    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = find(CurrentUser.require().userId());
        if (!encoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("The current password is not correct.");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("The new password must differ from the current one.");
        }
        passwordPolicy.check(newPassword, user.getUsername());
        user.changePasswordHash(encoder.encode(newPassword), Instant.now());
        // This session goes on with the new password; the person's other sessions end.
        CurrentUser.renew(CurrentUser.require().withPasswordSince(user.getPasswordChangedAt()));
        events.publishEvent(new AccountRightsChanged(user.getId(), Reason.PASSWORD_CHANGED));
        log.info("User '{}' changed their password", user.getUsername());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public UserSummary me() {
        return UserSummary.of(find(CurrentUser.require().userId()));
    }

    private AppUser find(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
    }

    private static void refuseForSelf(AppUser user, String message) {
        if (user.getId().equals(CurrentUser.require().userId())) {
            throw new InvalidInputException(message);
        }
    }

    private void refuseIfLastAdmin(String action) {
        if (users.countByAdminTrueAndEnabledTrue() <= 1) {
            throw new InvalidInputException("You cannot " + action + " the last enabled administrator.");
        }
    }

    static String normaliseUsername(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!AppUser.USERNAME_PATTERN.matcher(name).matches()) {
            throw new InvalidInputException("User names have " + AppUser.USERNAME_MIN_LENGTH + " to "
                    + AppUser.USERNAME_MAX_LENGTH + " characters: letters a-z, digits, dot, dash and underscore,"
                    + " starting with a letter or digit.");
        }
        return name;
    }

    private static String normaliseDisplayName(String displayName, String fallback) {
        String display = displayName.strip();
        if (display.isEmpty()) {
            return fallback;
        }
        if (display.length() > AppUser.DISPLAY_NAME_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + AppUser.DISPLAY_NAME_MAX_LENGTH + " characters for the display name.");
        }
        if (display.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("The display name must not contain control characters.");
        }
        return display;
    }
}
