package org.annals.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much background work one node runs at once (see {@code config/application.yaml}). Every running
 * export or release holds one pooled database connection, so the limit must stay well below the pool's
 * size (10 by default) to leave connections for the pages and the API.
 *
 * @param maxConcurrent jobs that run at the same time on this node; one more is refused as "busy"
 * @param retryAfter what a refused client is told to wait before trying again
 */
@ConfigurationProperties("annals.jobs")
public record JobsProperties(@DefaultValue("2") int maxConcurrent, @DefaultValue("5s") Duration retryAfter) {

    public JobsProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("annals.jobs.max-concurrent must be at least 1");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("annals.jobs.retry-after must be positive");
        }
    }
}
