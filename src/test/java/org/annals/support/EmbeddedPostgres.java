package org.annals.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, started on first use and
 * stopped when the JVM exits). Each Spring test context gets its own fresh database, so contexts
 * never see each other's data and Flyway migrates an empty schema every time.
 *
 * <p>At exit the contexts on the server close before it stops. Spring closes its cached test contexts in a
 * shutdown hook of its own, which runs beside this one: a context whose database was gone already had its
 * background threads (the search indexer above all) wait for connections that never came, and the test JVM
 * took 30 s more to exit than it needed (Surefire then killed it).
 */
public final class EmbeddedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The test contexts pointed at the server, closed before it stops. */
    private static final java.util.List<ConfigurableApplicationContext> CONTEXTS =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Run as root, the server drops to user "nobody": its folders must be writable by everyone.
                Path base = Files.createTempDirectory("annals-pg");
                Path data = Files.createDirectories(base.resolve("data"));
                Path work = Files.createDirectories(base.resolve("work"));
                for (Path dir : new Path[] {base, data, work}) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
                }
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work.toFile())
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .start();
                var started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    // Waits for a close Spring's own hook began (close() holds the context's monitor), or closes.
                    CONTEXTS.forEach(ConfigurableApplicationContext::close);
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // The JVM is exiting; nothing left to do.
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String createDatabase() {
        String name = "annals_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** Points a test context at a fresh database on the embedded server. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> properties = Map.of(
                    "spring.datasource.url", createDatabase(),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", properties));
            CONTEXTS.add(context);
        }
    }
}
