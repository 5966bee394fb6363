package org.annals.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created on first start ({@code ANNALS_ADMIN_USERNAME}, {@code ANNALS_ADMIN_PASSWORD}).
 * Without a password a random one is generated and printed once in the log.
 */
@ConfigurationProperties("annals.admin")
public record AdminBootstrapProperties(@DefaultValue("admin") String username, @Nullable String password) {
}
