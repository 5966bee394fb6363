package org.annals.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per access token, in memory on this node: a script gets its minute's allowance at
 * once and then a steady rate. With several nodes each counts on its own (like the sign-in
 * throttle; see docs/decisions/0010-rest-api-and-tokens.md).
 */
@Component
class ApiRateLimiter {

    /** Buckets of tokens not used for a while are full again and can be forgotten. */
    static final int MAX_TRACKED_TOKENS = 100_000;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    ApiRateLimiter(RateLimitProperties limits) {
        this(limits, System::nanoTime);
    }

    ApiRateLimiter(RateLimitProperties limits, LongSupplier nanoTime) {
        this.capacity = limits.requestsPerMinute();
        this.perNano = limits.requestsPerMinute() / (double) Duration.ofMinutes(1).toNanos();
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the token's allowance; when it is used up, how long until the next is allowed. */
    Optional<Duration> acquire(UUID tokenId) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED_TOKENS) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        return buckets.computeIfAbsent(tokenId, id -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double available = capacity;
        private long updated;

        Bucket(long now) {
            updated = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (available >= 1) {
                available -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - available) / perNano)));
        }

        synchronized boolean full(long now) {
            refill(now);
            return available >= capacity;
        }

        private void refill(long now) {
            available = Math.min(capacity, available + (now - updated) * perNano);
            updated = now;
        }
    }
}
