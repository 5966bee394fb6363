package org.annals.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in a sliding window and refuses further
 * attempts for a while once a limit is reached. A refused attempt never reaches the password hash,
 * so a flood of attempts costs almost nothing.
 *
 * <p>The counters live in memory on this node. With several nodes each counts separately, which
 * multiplies the limit by the number of nodes but still stops online guessing; see
 * docs/decisions/0003-login-throttle-in-memory.md.
 */
@Component
public class LoginThrottle {

    /** Upper bound on tracked keys, so that spraying random user names cannot exhaust memory. */
    static final int MAX_TRACKED_KEYS = 100_000;

    private final LoginThrottleProperties limits;
    private final Clock clock;
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(LoginThrottleProperties limits) {
        this(limits, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long sign-ins for this account or from this address are still refused, if they are. */
    public Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(byAccount.get(username), now);
        Duration client = remaining(byAddress.get(address), now);
        Duration longer = account.compareTo(client) >= 0 ? account : client;
        return longer.isPositive() ? Optional.of(longer) : Optional.empty();
    }

    /** Counts a failure; true when it made the account or the address reach its limit just now. */
    public boolean recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (byAccount.size() + byAddress.size() > MAX_TRACKED_KEYS) {
            purgeIdle(now);
        }
        boolean accountLocked = record(byAccount, username, limits.maxFailuresPerAccount(), now);
        boolean addressLocked = record(byAddress, address, limits.maxFailuresPerAddress(), now);
        return accountLocked || addressLocked;
    }

    int trackedKeys() {
        return byAccount.size() + byAddress.size();
    }

    /** A correct password clears the account's count; the address keeps its count. */
    public void recordSuccess(String username) {
        byAccount.remove(username);
    }

    private boolean record(Map<String, Failures> counters, String key, int limit, Instant now) {
        return counters.computeIfAbsent(key, k -> new Failures()).add(now, limit, limits.window(), limits.lockout());
    }

    private static Duration remaining(@Nullable Failures failures, Instant now) {
        return failures == null ? Duration.ZERO : failures.lockedFor(now);
    }

    private void purgeIdle(Instant now) {
        byAccount.values().removeIf(f -> f.idle(now, limits.window()));
        byAddress.values().removeIf(f -> f.idle(now, limits.window()));
        if (byAccount.size() + byAddress.size() > MAX_TRACKED_KEYS) {
            // Still full of active keys: forget the account counters; the address counters keep stopping the flood.
            byAccount.clear();
        }
    }

    private static final class Failures {
        private final ArrayDeque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        /** True when this failure reached the limit and started a lockout. */
        synchronized boolean add(Instant now, int limit, Duration window, Duration lockout) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.removeFirst();
            }
            recent.addLast(now);
            if (recent.size() >= limit) {
                lockedUntil = now.plus(lockout);
                recent.clear();
                return true;
            }
            return false;
        }

        synchronized Duration lockedFor(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean idle(Instant now, Duration window) {
            Instant last = recent.peekLast();
            return !now.isBefore(lockedUntil) && (last == null || last.isBefore(now.minus(window)));
        }
    }
}
