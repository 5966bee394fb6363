package org.annals.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files on the real file system: each running instance writes into its own locked folder;
 * a starting instance removes the folders of instances that are gone (stopped hard, so nothing
 * cleaned up) and leaves alone those of instances still running, in this JVM or in another process.
 */
class TemporaryFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void a_start_removes_what_stopped_instances_left_and_keeps_what_running_ones_write() throws Exception {
        Path tmp = dataDir.resolve("tmp");
        // A crashed instance: its folder and lock file are there, nobody holds the lock.
        Path crashed = Files.createDirectories(tmp.resolve("instance-crashed"));
        Files.createFile(crashed.resolve(".lock"));
        Files.writeString(crashed.resolve("export-1-events.csv"), "half an export");
        Files.writeString(crashed.resolve("export-2-dataset.json"), "{");
        // One that died before it even took its lock.
        Path unlocked = Files.createDirectories(tmp.resolve("instance-early"));
        Files.writeString(unlocked.resolve("export-3-entities.csv"), "x");

        var running = new TemporaryFiles(dataDir.toString());
        Path inProgress = running.create("export-", "-events.csv");
        Files.writeString(inProgress, "rows so far");
        var starting = new TemporaryFiles(dataDir.toString());

        assertThat(starting.sweep()).isEqualTo(3);
        assertThat(crashed).doesNotExist();
        assertThat(unlocked).doesNotExist();
        assertThat(inProgress).hasContent("rows so far");

        running.close();
        assertThat(running.folder()).doesNotExist();
        starting.close();
    }

    @Test
    void the_folder_of_an_instance_in_another_process_is_kept_until_that_process_is_gone() throws Exception {
        Path other = Files.createDirectories(dataDir.resolve("tmp").resolve("instance-other-process"));
        Path lockFile = other.resolve(".lock");
        Files.writeString(other.resolve("export-1-events.csv"), "being written");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), lockFile.toString())
                .redirectErrorStream(true).start();
        try {
            var reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("locked");

            var starting = new TemporaryFiles(dataDir.toString());
            assertThat(starting.sweep()).isZero();
            assertThat(other.resolve("export-1-events.csv")).exists();

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(starting.sweep()).isEqualTo(1);
            assertThat(other).doesNotExist();
            starting.close();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void a_sweep_in_this_jvm_leaves_the_lock_of_a_sibling_instance_held_for_other_processes() throws Exception {
        var first = new TemporaryFiles(dataDir.toString());
        Path inProgress = first.create("export-", "-events.csv");
        var second = new TemporaryFiles(dataDir.toString());
        // Opening and closing the first's lock file here would release its lock for every other process.
        assertThat(second.sweep()).isZero();

        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(),
                first.folder().resolve(".lock").toString()).redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("held");
        assertThat(inProgress).exists();
        second.close();
        first.close();
    }

    @Test
    void delete_ignores_files_that_are_gone() throws Exception {
        var files = new TemporaryFiles(dataDir.toString());
        Path file = files.create("export-", ".csv");
        TemporaryFiles.delete(file);
        TemporaryFiles.delete(file);
        TemporaryFiles.delete(null);
        assertThat(file).doesNotExist();
        files.close();
    }

    /** Another process asking whether a lock is held: prints "held" or "free". */
    static final class LockProbe {
        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                var taken = channel.tryLock();
                System.out.println(taken == null ? "held" : "free");
            }
        }
    }

    /** Another running instance, as far as the lock is concerned: holds the lock until killed. */
    static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                channel.lock();
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(600_000);
            }
        }
    }
}
