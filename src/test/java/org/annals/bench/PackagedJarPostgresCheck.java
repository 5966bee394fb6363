package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.annals.support.EmbeddedPostgres;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged, extracted jar as bin/annals runs it (Spring AOT's build-time bean definitions and the JDK's
 * AOT cache, decisions 41 and 42) against a real PostgreSQL server with the {@code postgres} profile: the
 * bean definitions were worked out on the build machine with the default (H2) settings, so this checks that
 * one jar still serves PostgreSQL: it migrates the empty database, creates the first administrator, and a
 * person signs in over HTTP. Not part of the normal test run (the jar is built after the tests):
 * <pre>bin/annals   # once: builds, extracts and trains the jar; stop it when it is up
 * ./mvnw test -Pbenchmark -Dtest=PackagedJarPostgresCheck</pre>
 * {@code annals.jar.command} changes the command line (split at spaces).
 */
@Tag("benchmark")
class PackagedJarPostgresCheck {

    private static final String PASSWORD = "postgres-check-lantern-583";

    @Test
    void the_packaged_jar_runs_on_postgresql_with_its_build_time_bean_definitions() throws Exception {
        List<String> command = new ArrayList<>(Arrays.asList(System.getProperty("annals.jar.command",
                Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:AOTCache=target/annals-app/annals.aot"
                        + " -Dspring.aot.enabled=true -jar target/annals-app/annals.jar").split(" ")));
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = Files.createTempDirectory("annals-jar-postgres");
        Path log = folder.resolve("app.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "SPRING_DATASOURCE_URL", EmbeddedPostgres.createDatabase(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "ANNALS_DATA_DIR", folder.resolve("data").toString(),
                "ANNALS_ADMIN_PASSWORD", PASSWORD,
                "SERVER_PORT", Integer.toString(port)));
        Process app = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!StartupBenchmark.portOpen(port)) {
                assertThat(app.isAlive()).as("the app exited; its log:%n%s", tail(log)).isTrue();
                assertThat(System.nanoTime()).as("port %d not open within 3 minutes", port).isLessThan(deadline);
                Thread.sleep(100);
            }
            var http = new HttpSignIn(port);
            String landed = http.signIn("admin", PASSWORD, Map.of());
            assertThat(landed).doesNotContain("login");
            HttpResponse<String> projects = http.client().send(http.request("/").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).contains("Starting AOT-processed AnnalsApplication")
                    .contains("Successfully applied").contains("PostgreSQL")
                    .doesNotContain("H2 database");
            System.out.println("packaged jar on PostgreSQL: signed in, landed on " + landed);
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
