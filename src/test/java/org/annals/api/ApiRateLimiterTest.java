package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves: a burst of one minute's allowance, then a steady rate. */
class ApiRateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final ApiRateLimiter limiter = new ApiRateLimiter(new RateLimitProperties(60), now::get);

    @Test
    void a_full_minute_in_a_burst_then_one_request_per_second() {
        UUID token = UUID.randomUUID();
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire(token)).as("request %d", i).isEmpty();
        }
        assertThat(limiter.acquire(token)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1)));

        advance(Duration.ofMillis(500));
        assertThat(limiter.acquire(token)).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(499), Duration.ofMillis(500)));
        advance(Duration.ofMillis(500));
        assertThat(limiter.acquire(token)).isEmpty();
        assertThat(limiter.acquire(token)).isPresent();
    }

    @Test
    void each_token_has_its_own_allowance_and_idle_tokens_refill_only_to_the_minute() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        for (int i = 0; i < 60; i++) {
            limiter.acquire(busy);
        }
        assertThat(limiter.acquire(busy)).isPresent();
        assertThat(limiter.acquire(quiet)).isEmpty();

        advance(Duration.ofHours(1));
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire(busy)).isEmpty();
        }
        assertThat(limiter.acquire(busy)).as("an idle hour does not save up more than a minute").isPresent();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
