package org.annals.security.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.annals.security.RightsChangedException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;

/**
 * What the sign-in page says above the form, worked out from its address and the reason Spring Security
 * left for the last failed attempt. Every text is the application's own: the address only chooses among
 * them (a fixed name), so nobody can make the sign-in page say something else.
 */
public record SignInNotice(String title, String message) {

    /** The parameter naming why a signed-in session was ended ({@link SessionEnding}). */
    static final String ENDED = "ended";

    /**
     * The notice for a sign-in page opened with these query parameters; {@code lastFailure} is the
     * exception of the last refused attempt in this session, if any.
     */
    static Optional<SignInNotice> of(java.util.Map<String, String[]> query, @Nullable Exception lastFailure) {
        Optional<SignInNotice> ended = Optional.ofNullable(query.get(ENDED)).filter(values -> values.length > 0)
                .flatMap(values -> reasonNamed(values[0])).map(SignInNotice::ended);
        if (ended.isPresent()) {
            return ended;
        }
        if (query.containsKey("error")) {
            return Optional.of(failure(lastFailure));
        }
        if (query.containsKey("expired")) {
            return Optional.of(new SignInNotice("Sign-in form expired", "The sign-in form was open too long, or was"
                    + " not sent from this page. Enter your user name and password again."));
        }
        return Optional.empty();
    }

    /** A session that ended because an administrator changed the account. */
    static SignInNotice ended(RightsChangedException.Reason reason) {
        return new SignInNotice("You have been signed out", reason.message());
    }

    /** A refused attempt: the reasons a person can act on are named; any other is a wrong name or password. */
    static SignInNotice failure(@Nullable Exception failure) {
        if (failure instanceof LockedException || failure instanceof DisabledException) {
            String title = failure instanceof LockedException ? "Sign-in paused" : "Account disabled";
            return new SignInNotice(title, failure.getMessage());
        }
        return new SignInNotice("Incorrect user name or password",
                "Check that you entered the right user name and password and try again.");
    }

    /** Where a page goes when its session ended for this reason (relative, like the sign-in form's own action). */
    static String address(RightsChangedException.Reason reason) {
        return "login?" + ENDED + "=" + reason.name().toLowerCase(Locale.ROOT);
    }

    /** The reason named in the sign-in page's address; empty for anything else. */
    static Optional<RightsChangedException.Reason> reasonNamed(String name) {
        return Arrays.stream(RightsChangedException.Reason.values())
                .filter(r -> r.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }
}
