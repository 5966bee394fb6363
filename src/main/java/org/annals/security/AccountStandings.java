package org.annals.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the database says about an account now: whether it may still act and with which global role.
 * Implemented by the account feature (one primary-key query); security only asks.
 */
public interface AccountStandings {

    /** The account's current standing; empty when the account no longer exists. */
    Optional<Standing> of(UUID userId);

    /**
     * The facts a signed-in session was granted at sign-in and that may change later: whether the
     * account may act, its administrator right, and when its password was last set.
     */
    record Standing(boolean enabled, boolean admin, Instant passwordChangedAt) {
    }
}
