package org.annals.sample;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code annals.sample-project.*}: whether to create the sample project on first start (on by default, off for
 * PostgreSQL), and how long after start-up to begin: its import takes a few seconds of processor time, which on a
 * small machine would otherwise compete with the first person's sign-in page (issue 21).
 */
@ConfigurationProperties("annals.sample-project")
public record SampleProjectProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration delay) {
}
