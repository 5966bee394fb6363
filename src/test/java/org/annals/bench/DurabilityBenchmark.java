package org.annals.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
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
 * A fresh H2 file database with Annals' migrations in three configurations: WRITE_DELAY=0 (as shipped:
 * each commit is stored in the file on the committing thread before it returns), H2's default of 500 ms
 * (commits stored by a background thread up to half a second later: lost on kill -9) and, for
 * reference, WRITE_DELAY=0 plus {@code CHECKPOINT SYNC} after each commit (also forced to the disk,
 * which only matters for a power cut or an operating-system crash). Each write is one small
 * transaction of the kind the app makes: a proposal (a changeset row and one operation row), and every
 * other time the rejection of that proposal (an update). Prints the commit latency over 1000 writes and
 * the file size while 5000 more writes go on and after a pause longer than H2's retention time (45 s,
 * before which the space of old chunks is not reused); docs/performance.md records it. The end-to-end
 * figure over HTTP comes from docs/bench/crash.sh.
 */
@Tag("benchmark")
class DurabilityBenchmark {

    private static final int WARM_UP = 300;
    private static final int WRITES = 1000;
    private static final int SUSTAINED = 5000;

    private record Mode(String name, int writeDelay, boolean syncEachCommit) {
    }

    @Test
    void commit_latency_and_file_size_with_and_without_h2s_write_delay() throws Exception {
        for (Mode mode : new Mode[] {new Mode("WRITE_DELAY=0 (shipped)", 0, false),
                new Mode("WRITE_DELAY=500 (H2 default)", 500, false),
                new Mode("WRITE_DELAY=0 + CHECKPOINT SYNC", 0, true)}) {
            measure(mode);
        }
    }

    private static void measure(Mode mode) throws Exception {
        Path folder = Files.createTempDirectory("annals-durability");
        Path file = folder.resolve("annals.mv.db");
        String url = "jdbc:h2:file:" + folder.resolve("annals") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + mode.writeDelay();
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
            try (var writer = new Writer(connection, project, user, mode.syncEachCommit())) {
                for (int i = 0; i < WARM_UP; i++) {
                    writer.write();
                }
                long[] nanos = new long[WRITES];
                long started = System.nanoTime();
                for (int i = 0; i < WRITES; i++) {
                    long start = System.nanoTime();
                    writer.write();
                    nanos[i] = System.nanoTime() - start;
                }
                long total = System.nanoTime() - started;
                Arrays.sort(nanos);
                System.out.printf("%s: %d writes, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, mean %.3f ms, %.0f writes/s,"
                        + " file %d KB after %d writes%n", mode.name(), WRITES, nanos[WRITES / 2] / 1e6,
                        nanos[WRITES * 95 / 100] / 1e6, nanos[WRITES * 99 / 100] / 1e6, total / 1e6 / WRITES,
                        WRITES / (total / 1e9), Files.size(file) / 1024, WARM_UP + WRITES);
                var sizes = new StringBuilder();
                long sustainedStart = System.nanoTime();
                for (int i = 1; i <= SUSTAINED; i++) {
                    writer.write();
                    if (i % 1000 == 0) {
                        sizes.append(String.format(" %d KB at %.0f s;", Files.size(file) / 1024,
                                (System.nanoTime() - sustainedStart) / 1e9));
                    }
                }
                // Longer than H2's retention time: the space of chunks that hold nothing live may then be reused.
                Thread.sleep(50_000);
                for (int i = 0; i < 100; i++) {
                    writer.write();
                }
                System.out.printf("%s: file while %d more writes went on:%s after a 50 s pause and 100 writes %d KB%n",
                        mode.name(), SUSTAINED, sizes, Files.size(file) / 1024);
            }
        }
        System.out.printf("%s: file after close %d KB%n", mode.name(), Files.size(file) / 1024);
        var leftovers = new ArrayList<Path>();
        try (var files = Files.list(folder)) {
            files.forEach(leftovers::add);
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        Files.deleteIfExists(folder);
    }

    /** Proposes a place, and every other time rejects the proposal it just made: one commit each. */
    private static final class Writer implements AutoCloseable {

        private final Connection connection;
        private final UUID project;
        private final UUID user;
        private final boolean syncEachCommit;
        private final PreparedStatement changeset;
        private final PreparedStatement operation;
        private final PreparedStatement reject;
        private final Statement checkpoint;
        private UUID proposed;

        Writer(Connection connection, UUID project, UUID user, boolean syncEachCommit) throws Exception {
            this.connection = connection;
            this.project = project;
            this.user = user;
            this.syncEachCommit = syncEachCommit;
            changeset = connection.prepareStatement("insert into changeset (id, version, project_id, author_id,"
                    + " message, state, created_at, updated_at) values (?, 0, ?, ?, 'Add a place', 'SUBMITTED', ?, ?)");
            operation = connection.prepareStatement("insert into change_operation (id, version, changeset_id,"
                    + " ordinal, record_kind, record_id, action, payload, label) values (?, 0, ?, 1, 'ENTITY', ?,"
                    + " 'CREATE', '{\"kind\":\"PLACE\",\"name\":\"Hama\"}', 'Hama')");
            reject = connection.prepareStatement("update changeset set state = 'REJECTED', version = version + 1,"
                    + " updated_at = ? where id = ?");
            checkpoint = connection.createStatement();
        }

        void write() throws Exception {
            var now = Timestamp.from(Instant.now());
            if (proposed == null) {
                proposed = UUID.randomUUID();
                changeset.setObject(1, proposed);
                changeset.setObject(2, project);
                changeset.setObject(3, user);
                changeset.setTimestamp(4, now);
                changeset.setTimestamp(5, now);
                changeset.executeUpdate();
                operation.setObject(1, UUID.randomUUID());
                operation.setObject(2, proposed);
                operation.setObject(3, UUID.randomUUID());
                operation.executeUpdate();
            } else {
                reject.setTimestamp(1, now);
                reject.setObject(2, proposed);
                reject.executeUpdate();
                proposed = null;
            }
            connection.commit();
            if (syncEachCommit) {
                checkpoint.execute("CHECKPOINT SYNC");
            }
        }

        @Override
        public void close() throws Exception {
            changeset.close();
            operation.close();
            reject.close();
            checkpoint.close();
        }
    }
}
