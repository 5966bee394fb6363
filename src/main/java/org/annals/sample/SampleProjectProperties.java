package org.annals.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code annals.sample-project.enabled}: create the sample project on first start (on by default, off for PostgreSQL). */
@ConfigurationProperties("annals.sample-project")
public record SampleProjectProperties(@DefaultValue("true") boolean enabled) {
}
