package org.annals.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute that one access token may make (see {@code config/application.yaml}). A
 * token may use the whole minute's allowance in a burst; after that it gets one request per
 * {@code 60 s / requestsPerMinute}.
 */
@ConfigurationProperties("annals.api.rate-limit")
public record RateLimitProperties(@DefaultValue("300") int requestsPerMinute) {

    public RateLimitProperties {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("annals.api.rate-limit.requests-per-minute must be at least 1");
        }
    }
}
