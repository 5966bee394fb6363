package org.annals.account;

import java.security.SecureRandom;
import java.time.Instant;
import org.annals.base.InvalidInputException;
import org.annals.security.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator when the database has no user at all. There is no default
 * password: it comes from configuration or is random and shown once.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AdminBootstrapProperties properties;
    private final JdbcTemplate jdbc;

    BootstrapAdmin(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy,
            AdminBootstrapProperties properties, JdbcTemplate jdbc) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // A plain count: on every start but the first this is all that runs, and setting up the
        // repository just to ask costs a second of start-up on a small machine.
        Long existing = jdbc.queryForObject("select count(*) from app_user", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        String username = AccountService.normaliseUsername(properties.username());
        String configured = properties.password();
        boolean generated = configured == null || configured.isEmpty();
        String password = generated ? randomPassword() : configured;
        try {
            policy.check(password, username);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("ANNALS_ADMIN_PASSWORD is not acceptable: " + e.getMessage());
        }
        users.save(new AppUser(username, "Administrator", encoder.encode(password), true, Instant.now()));
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created administrator '{}' with password

                         {}

                     Sign in and change it under your user menu. It is not shown again.
                    ================================================================""", username, password);
        } else {
            log.info("First start: created administrator '{}' with the password from ANNALS_ADMIN_PASSWORD", username);
        }
    }

    static String randomPassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
