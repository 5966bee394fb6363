package org.annals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(10, 30, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void an_account_is_refused_for_the_lockout_after_ten_failures_within_the_window() {
        for (int i = 1; i <= 9; i++) {
            assertThat(throttle.recordFailure("alice", "10.0.0." + i)).isFalse();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.refusedFor("alice", "10.0.0.99")).isEmpty();

        assertThat(throttle.recordFailure("alice", "10.0.0.10")).isTrue();
        assertThat(throttle.refusedFor("alice", "10.0.0.99")).hasValue(Duration.ofMinutes(15));
        assertThat(throttle.refusedFor("bob", "10.0.0.99")).isEmpty();

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.refusedFor("alice", "10.0.0.99")).hasValue(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("alice", "10.0.0.99")).isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("alice", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(throttle.refusedFor("alice", "10.0.0.99")).isEmpty();
    }

    @Test
    void a_correct_password_clears_the_account_count() {
        for (int i = 0; i < 9; i++) {
            throttle.recordFailure("alice", "10.0.0." + i);
        }
        throttle.recordSuccess("alice");
        assertThat(throttle.recordFailure("alice", "10.0.0.50")).isFalse();
        assertThat(throttle.refusedFor("alice", "10.0.0.50")).isEmpty();
    }

    @Test
    void one_address_trying_many_accounts_is_refused_after_the_address_limit() {
        for (int i = 0; i < 29; i++) {
            throttle.recordFailure("user" + i, "203.0.113.7");
        }
        assertThat(throttle.refusedFor("someone-else", "203.0.113.7")).isEmpty();
        assertThat(throttle.recordFailure("user29", "203.0.113.7")).isTrue();
        assertThat(throttle.refusedFor("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.refusedFor("someone-else", "203.0.113.8")).isEmpty();
    }

    @Test
    void spraying_random_names_from_many_addresses_stays_within_a_memory_bound() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED_KEYS; i++) {
            throttle.recordFailure("name" + i, "addr" + i);
        }
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED_KEYS + 2);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
