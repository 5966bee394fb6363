package org.annals.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pool recycling on H2 in file mode, with the database URL that Annals ships (config/application.yaml,
 * or the built-in default) in a fresh data folder: what a new installation runs.
 */
@IntegrationTest
@Import(PoolRecyclingContract.MigratingSession.class)
@ContextConfiguration(initializers = PoolRecyclingH2FileTest.ShippedUrlInFreshDataFolder.class)
class PoolRecyclingH2FileTest extends PoolRecyclingContract {

    @Override
    String currentSessionQuery() {
        return "select session_id()";
    }

    @Override
    String openSessionsQuery() {
        return "select session_id from information_schema.sessions";
    }

    @Test
    void the_shipped_database_is_a_file() {
        assertThat(jdbc.queryForObject("select database_path()", String.class)).endsWith("annals");
    }

    /** Takes spring.datasource.url from the application's own configuration, not the test properties. */
    static final class ShippedUrlInFreshDataFolder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var environment = context.getEnvironment();
            Object shippedUrl = environment.getPropertySources().stream()
                    .filter(source -> source.getName().contains("application.yaml"))
                    .filter(EnumerablePropertySource.class::isInstance)
                    .map(source -> source.getProperty("spring.datasource.url"))
                    .filter(url -> url != null)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No spring.datasource.url in application.yaml"));
            try {
                var dataDir = Files.createTempDirectory("annals-pool-recycling");
                environment.getPropertySources().addFirst(new MapPropertySource("shipped-h2-file", Map.of(
                        "annals.data-dir", dataDir.toString(),
                        "spring.datasource.url", shippedUrl.toString(),
                        "spring.datasource.username", "annals",
                        "spring.datasource.password", "")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
