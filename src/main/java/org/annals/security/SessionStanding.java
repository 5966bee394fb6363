package org.annals.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.annals.security.AccountStandings.Standing;
import org.annals.security.RightsChangedException.Reason;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Compares what a caller's {@link Authentication} was granted at sign-in (or when its token was read)
 * with the account as it is now. Every service entry point runs this before its own rule (see
 * {@link FreshRightsExpressionHandler}), so a disabled account, a revoked administrator right or a
 * changed password stops working at the next click of any open page, whatever the session still
 * holds. One primary-key query per request (see {@link RightsMemo}).
 */
@Component
public class SessionStanding {

    private final AccountStandings standings;

    SessionStanding(AccountStandings standings) {
        this.standings = standings;
    }

    /** Throws {@link RightsChangedException} when the caller's account no longer stands as the session says. */
    public void verify(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof AnnalsPrincipal principal) {
            lapse(principal).ifPresent(reason -> {
                throw new RightsChangedException(reason);
            });
        }
    }

    /**
     * Why the person's session may not go on, or empty when it may: the account is gone or disabled,
     * or its administrator right is not what the session holds (either way round: a person made
     * administrator signs in again to get the new right, so every session holds exactly its account's).
     */
    public Optional<Reason> lapse(AnnalsPrincipal principal) {
        // Asked once per request for the request's own caller (RightsMemo); every other check reads the database.
        var standing = RightsMemo.about(principal.userId(), Standing.class, () -> standings.of(principal.userId()));
        if (standing.isEmpty() || !standing.get().enabled()) {
            return Optional.of(Reason.DISABLED);
        }
        if (standing.get().admin() != principal.isAdmin()) {
            return Optional.of(Reason.RIGHTS_CHANGED);
        }
        if (principal.passwordSince() != null
                && !sameMoment(principal.passwordSince(), standing.get().passwordChangedAt())) {
            return Optional.of(Reason.PASSWORD_CHANGED);
        }
        return Optional.empty();
    }

    /** Databases keep microseconds, the clock may give nanoseconds: milliseconds tell two changes apart. */
    private static boolean sameMoment(Instant a, Instant b) {
        return a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
    }
}
