package org.annals.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused because of too many recent failures; the message tells the user how long to wait. */
public class LoginThrottledException extends LockedException {

    private final Duration remaining;

    public LoginThrottledException(Duration remaining) {
        super("Too many failed sign-ins. For your protection, sign-in is paused; try again in "
                + minutes(remaining) + ".");
        this.remaining = remaining;
    }

    /** How long sign-ins stay paused: the REST API sends it as Retry-After. */
    public Duration remaining() {
        return remaining;
    }

    private static String minutes(Duration remaining) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
