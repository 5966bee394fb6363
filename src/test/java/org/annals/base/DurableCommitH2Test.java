package org.annals.base;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answered write on the embedded H2 database is in its file (issue 14, decision 0015): a child JVM
 * opens the database URL that Annals ships, commits a few small transactions one by one and stops
 * dead with {@code Runtime.halt} right after the last commit returned (no shutdown hook, no close:
 * what kill -9 leaves behind). Reopened here, every committed row must be there. With H2's default
 * write delay (500 ms) the commits are only in memory when the JVM stops and this test fails.
 */
class DurableCommitH2Test {

    private static final int COMMITS = 3;

    @TempDir
    Path dataDir;

    @Test
    void commits_answered_before_a_hard_stop_are_in_the_file_with_the_shipped_url() throws Exception {
        for (Resource configuration : List.of(new ClassPathResource("application.yaml"),
                new FileSystemResource("config/application.yaml"))) {
            String url = shippedUrl(configuration).replace("${annals.data-dir}", dataDir.toString());
            Path folder = Files.createDirectories(dataDir.resolve(configuration.getFilename() + "-"
                    + (configuration instanceof ClassPathResource ? "built-in" : "deployer")));
            url = url.replace(dataDir.toString(), folder.toString());

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPathOf(org.h2.Driver.class) + File.pathSeparator + classPathOf(CommitThenHalt.class),
                    CommitThenHalt.class.getName(), url)
                    .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
            assertThat(child.exitValue()).as("the child halted after its commits; its output: %s",
                    Files.readString(folder.resolve("child.log"))).isEqualTo(CommitThenHalt.HALTED);

            try (Connection connection = DriverManager.getConnection(url, "annals", "")) {
                try (var rows = connection.createStatement().executeQuery("select count(*) from answered_write")) {
                    rows.next();
                    assertThat(rows.getInt(1)).as("committed rows found after the hard stop (%s)", configuration)
                            .isEqualTo(COMMITS);
                }
                try (var setting = connection.createStatement().executeQuery("select setting_value from"
                        + " information_schema.settings where setting_name = 'WRITE_DELAY'")) {
                    assertThat(setting.next()).isTrue();
                    assertThat(setting.getString(1)).as("H2 stores each commit before answering it").isEqualTo("0");
                }
            }
        }
    }

    private static String shippedUrl(Resource configuration) throws IOException {
        assertThat(configuration.exists()).as("%s exists", configuration).isTrue();
        return new YamlPropertySourceLoader().load(configuration.getFilename(), configuration).stream()
                .map(source -> source.getProperty("spring.datasource.url"))
                .filter(url -> url != null)
                .map(Object::toString)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no spring.datasource.url in " + configuration));
    }

    private static String classPathOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Runs in the child JVM: commits {@link #COMMITS} transactions, then stops as kill -9 would. */
    static final class CommitThenHalt {

        static final int HALTED = 42;

        public static void main(String[] args) throws SQLException {
            Connection connection = DriverManager.getConnection(args[0], "annals", "");
            connection.createStatement().execute("create table answered_write (id int primary key, note varchar(100))");
            connection.setAutoCommit(false);
            try (var insert = connection.prepareStatement("insert into answered_write values (?, 'answered')")) {
                for (int i = 1; i <= COMMITS; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                    connection.commit();
                }
            }
            // Neither close nor shutdown hooks: whatever H2 still holds in memory is lost, as with kill -9.
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
