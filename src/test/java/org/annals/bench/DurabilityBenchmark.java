package org.annals.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Harness for the cost of durable commits on the embedded H2 database (decision 0015; not part of
 * the normal test run):
 * <pre>./mvnw test -Pbenchmark -Dtest=DurabilityBenchmark</pre>
 * A fresh H2 file database with Annals' migrations, once with WRITE_DELAY=0 (as shipped: each
 * commit is written to the file before it returns) and once with H2's default of 500 ms (commits
 * written by a background thread up to half a second later). Each commit is one small transaction
 * of the kind a proposal makes: a changeset row and one operation row. Prints the commit latency;
 * docs/performance.md records it. The end-to-end figure over HTTP comes from docs/bench/crash.sh.
 */
@Tag("benchmark")
class DurabilityBenchmark {

    private static final int WARM_UP = 300;
    private static final int COMMITS = 1000;

    @Test
    void commit_latency_with_and_without_h2s_write_delay() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (int writeDelay : new int[] {0, 500}) {
                measure(writeDelay);
            }
        }
    }

    private static void measure(int writeDelay) throws Exception {
        Path folder = Files.createTempDirectory("annals-durability");
        String url = "jdbc:h2:file:" + folder.resolve("annals") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + writeDelay;
        Flyway.configure().dataSource(url, "annals", "").locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "annals", "")) {
            UUID user = UUID.randomUUID();
            UUID project = UUID.randomUUID();
            var now = Timestamp.from(Instant.now());
            try (var statement = connection.prepareStatement("insert into app_user (id, version, username, display_name,"
                    + " password_hash, admin, enabled, created_at, password_changed_at) values (?, 0, 'bench', 'Bench',"
                    + " 'x', false, true, ?, ?)")) {
                statement.setObject(1, user);
                statement.setTimestamp(2, now);
                statement.setTimestamp(3, now);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("insert into project (id, version, name, created_at,"
                    + " created_by) values (?, 0, 'Bench', ?, ?)")) {
                statement.setObject(1, project);
                statement.setTimestamp(2, now);
                statement.setObject(3, user);
                statement.executeUpdate();
            }
            connection.setAutoCommit(false);
            try (var changeset = connection.prepareStatement("insert into changeset (id, version, project_id, author_id,"
                    + " message, state, created_at, updated_at) values (?, 0, ?, ?, 'Add a place', 'SUBMITTED', ?, ?)");
                    var operation = connection.prepareStatement("insert into change_operation (id, version, changeset_id,"
                            + " ordinal, record_kind, record_id, action, payload, label) values (?, 0, ?, 1, 'ENTITY', ?,"
                            + " 'CREATE', '{\"kind\":\"PLACE\",\"name\":\"Hama\"}', 'Hama')")) {
                for (int i = 0; i < WARM_UP; i++) {
                    propose(connection, changeset, operation, project, user);
                }
                long[] nanos = new long[COMMITS];
                long started = System.nanoTime();
                for (int i = 0; i < COMMITS; i++) {
                    long start = System.nanoTime();
                    propose(connection, changeset, operation, project, user);
                    nanos[i] = System.nanoTime() - start;
                }
                long total = System.nanoTime() - started;
                Arrays.sort(nanos);
                System.out.printf("WRITE_DELAY=%d: %d commits, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, mean %.3f ms,"
                        + " %.0f commits/s, file %d KB%n", writeDelay, COMMITS, nanos[COMMITS / 2] / 1e6,
                        nanos[COMMITS * 95 / 100] / 1e6, nanos[COMMITS * 99 / 100] / 1e6, total / 1e6 / COMMITS,
                        COMMITS / (total / 1e9), Files.size(folder.resolve("annals.mv.db")) / 1024);
            }
        }
        var leftovers = new ArrayList<Path>();
        try (var files = Files.list(folder)) {
            files.forEach(leftovers::add);
        }
        for (Path file : leftovers) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
    }

    private static void propose(Connection connection, PreparedStatement changeset, PreparedStatement operation,
            UUID project, UUID user) throws Exception {
        UUID id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        changeset.setObject(1, id);
        changeset.setObject(2, project);
        changeset.setObject(3, user);
        changeset.setTimestamp(4, now);
        changeset.setTimestamp(5, now);
        changeset.executeUpdate();
        operation.setObject(1, UUID.randomUUID());
        operation.setObject(2, id);
        operation.setObject(3, UUID.randomUUID());
        operation.executeUpdate();
        connection.commit();
    }
}
