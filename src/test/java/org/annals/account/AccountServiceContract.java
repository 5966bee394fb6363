package org.annals.account;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.annals.base.InvalidInputException;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Account rules, run against H2 and against PostgreSQL by the two subclasses. */
abstract class AccountServiceContract {

    @Autowired
    AccountService accounts;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.annals.security.SessionStanding standing;

    @Test
    void an_admin_creates_a_user_whose_password_is_stored_only_as_an_argon2_hash() {
        String name = Fixtures.uniqueName("Alice");
        UserSummary created = as(fixtures.admin(), () -> accounts.createUser("  " + name.toUpperCase() + " ",
                "Alice Example", Fixtures.PASSWORD, false));

        assertThat(created.username()).isEqualTo(name);
        AppUser stored = users.findByUsername(name).orElseThrow();
        assertThat(stored.getPasswordHash()).startsWith("{argon2}").doesNotContain(Fixtures.PASSWORD);
        assertThat(encoder.matches(Fixtures.PASSWORD, stored.getPasswordHash())).isTrue();
        assertThat(stored.isEnabled()).isTrue();
        assertThat(stored.isAdmin()).isFalse();
    }

    @Test
    void a_duplicate_user_name_is_refused_whatever_its_case() {
        AnnalsPrincipal existing = fixtures.newUser("dup");
        long before = users.count();

        assertThatThrownBy(() -> as(fixtures.admin(), () -> accounts.createUser(existing.getUsername().toUpperCase(),
                "", Fixtures.PASSWORD, false)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already exists");
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void short_common_and_malformed_input_is_refused_with_a_reason_and_nothing_is_stored() {
        long before = users.count();
        String name = Fixtures.uniqueName("bob");
        AnnalsPrincipal admin = fixtures.admin();

        assertThatThrownBy(() -> as(admin, () -> accounts.createUser(name, "", "short-pw", false)))
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> as(admin, () -> accounts.createUser(name, "", "password1234", false)))
                .hasMessageContaining("too common");
        assertThatThrownBy(() -> as(admin, () -> accounts.createUser(name, "", "Sunshine2024!!", false)))
                .hasMessageContaining("too common");
        assertThatThrownBy(() -> as(admin, () -> accounts.createUser("no spaces allowed", "", Fixtures.PASSWORD, false)))
                .hasMessageContaining("User names have");
        assertThatThrownBy(() -> as(admin, () -> accounts.createUser(name, "x".repeat(101), Fixtures.PASSWORD, false)))
                .hasMessageContaining("display name");
        assertThat(users.count()).isEqualTo(before);
    }

    @Test
    void only_admins_administer_accounts() {
        AnnalsPrincipal plain = fixtures.newUser("plain");
        AnnalsPrincipal other = fixtures.newUser("other");

        assertThatThrownBy(() -> as(plain, () -> accounts.createUser(Fixtures.uniqueName("x"), "", Fixtures.PASSWORD, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(plain, () -> accounts.setEnabled(other.userId(), false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(plain, () -> accounts.setAdmin(plain.userId(), true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(plain, () -> accounts.resetPassword(other.userId(), Fixtures.PASSWORD + "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.me()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_disabled_user_is_no_longer_active_and_can_be_re_enabled() {
        AnnalsPrincipal user = fixtures.newUser("carol");
        as(fixtures.admin(), () -> accounts.setEnabled(user.userId(), false));
        assertThat(standing.lapse(user)).contains(org.annals.security.RightsChangedException.Reason.DISABLED);
        assertThat(fixtures.principal(user.getUsername()).isEnabled()).isFalse();

        as(fixtures.admin(), () -> accounts.setEnabled(user.userId(), true));
        assertThat(standing.lapse(user)).isEmpty();
    }

    @Test
    void admins_cannot_lock_themselves_out() {
        AnnalsPrincipal admin = fixtures.admin();
        assertThatThrownBy(() -> as(admin, () -> accounts.setEnabled(admin.userId(), false)))
                .hasMessageContaining("your own account");
        assertThatThrownBy(() -> as(admin, () -> accounts.setAdmin(admin.userId(), false)))
                .hasMessageContaining("your own administrator role");
    }

    @Test
    void granting_admin_makes_the_role_appear_at_next_sign_in() {
        AnnalsPrincipal user = fixtures.newUser("dave");
        as(fixtures.admin(), () -> accounts.setAdmin(user.userId(), true));
        assertThat(fixtures.principal(user.getUsername()).isAdmin()).isTrue();
        as(fixtures.admin(), () -> accounts.setAdmin(user.userId(), false));
        assertThat(fixtures.principal(user.getUsername()).isAdmin()).isFalse();
    }

    @Test
    void an_admin_resets_a_password_which_must_also_follow_the_policy() {
        AnnalsPrincipal user = fixtures.newUser("erin");
        assertThatThrownBy(() -> as(fixtures.admin(), () -> accounts.resetPassword(user.userId(), "qwertyuiopasdf")))
                .isInstanceOf(InvalidInputException.class);
        as(fixtures.admin(), () -> accounts.resetPassword(user.userId(), "amber-violin-orchard-55"));
        assertThat(encoder.matches("amber-violin-orchard-55",
                users.findById(user.userId()).orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void users_change_their_own_password_only_with_the_current_one() {
        AnnalsPrincipal user = fixtures.newUser("frank");
        assertThatThrownBy(() -> as(user, () -> accounts.changeOwnPassword("wrong-current-password", "meadow-copper-falcon-3")))
                .hasMessageContaining("current password is not correct");
        assertThatThrownBy(() -> as(user, () -> accounts.changeOwnPassword(Fixtures.PASSWORD,
                "xx" + user.getUsername() + "xx")))
                .hasMessageContaining("user name");

        as(user, () -> accounts.changeOwnPassword(Fixtures.PASSWORD, "meadow-copper-falcon-3"));
        AppUser stored = users.findById(user.userId()).orElseThrow();
        assertThat(encoder.matches("meadow-copper-falcon-3", stored.getPasswordHash())).isTrue();
        assertThat(stored.getPasswordChangedAt()).isAfterOrEqualTo(stored.getCreatedAt());
    }
}
