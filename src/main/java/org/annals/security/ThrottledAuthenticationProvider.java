package org.annals.security;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling. Unlike Spring's {@code DaoAuthenticationProvider} it checks the
 * password before the account's state, so "this account is disabled" is only ever told to someone
 * who knows the password, and an unknown user name costs the same hashing time as a known one.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);
    static final String BAD_CREDENTIALS = "Incorrect user name or password.";

    private final UserDetailsService users;
    private final UserDetailsPasswordService passwordUpgrades;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private volatile String hashForUnknownUsers;

    public ThrottledAuthenticationProvider(UserDetailsService users, UserDetailsPasswordService passwordUpgrades,
            PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.passwordUpgrades = passwordUpgrades;
        this.encoder = encoder;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = normalise(authentication.getName());
        String address = clientAddress(authentication);
        String presented = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();

        var refused = throttle.refusedFor(username, address);
        if (refused.isPresent()) {
            // Logged at debug only: the lockout itself was logged when it began, and a flood must not flood the log.
            log.debug("Sign-in refused for '{}' from {}: throttled", printable(username), address);
            throw new LoginThrottledException(refused.get());
        }
        if (presented.length() > PasswordPolicy.MAX_LENGTH) {
            throw fail(username, address, "password longer than any valid one");
        }

        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            encoder.matches(presented, hashForUnknownUsers());
            throw fail(username, address, "unknown user");
        }
        if (user.getPassword() == null || !encoder.matches(presented, user.getPassword())) {
            throw fail(username, address, "wrong password");
        }
        if (!user.isEnabled()) {
            log.warn("Sign-in refused for '{}' from {}: account disabled", printable(username), address);
            throw new DisabledException("This account is disabled. Ask an administrator to re-enable it.");
        }
        throttle.recordSuccess(username);
        if (encoder.upgradeEncoding(user.getPassword())) {
            user = passwordUpgrades.updatePassword(user, encoder.encode(presented));
        }
        var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private BadCredentialsException fail(String username, String address, String reason) {
        boolean lockedNow = throttle.recordFailure(username, address);
        log.warn("Failed sign-in for '{}' from {}: {}", printable(username), address, reason);
        if (lockedNow) {
            log.warn("Too many failed sign-ins for '{}' or from {}: further attempts are refused for a while",
                    printable(username), address);
        }
        return new BadCredentialsException(BAD_CREDENTIALS);
    }

    private String hashForUnknownUsers() {
        String hash = hashForUnknownUsers;
        if (hash == null) {
            hash = encoder.encode("not-a-password-" + System.nanoTime());
            hashForUnknownUsers = hash;
        }
        return hash;
    }

    public static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    /** User names come from the sign-in form: keep them from forging log lines or flooding the log. */
    private static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
