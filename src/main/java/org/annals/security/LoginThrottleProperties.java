package org.annals.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed sign-ins (see {@code config/application.yaml}). An account or a client address
 * that fails {@code maxFailures} times within {@code window} is refused for {@code lockout}.
 * Addresses get a higher limit because many people may share one (an office, a newsroom).
 */
@ConfigurationProperties("annals.security.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockout) {
}
