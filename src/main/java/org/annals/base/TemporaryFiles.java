package org.annals.base;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where work in progress is written (exports waiting to be downloaded, for now): a folder of this
 * running instance under {@code <data-dir>/tmp}, locked while the instance lives. A crash or kill
 * leaves the folder behind, unlocked; the next instance to start deletes every such folder. The lock
 * is what makes this safe when several instances share a data folder: a folder whose lock another
 * living instance holds is not touched.
 */
@Component
public class TemporaryFiles {

    private static final Logger log = LoggerFactory.getLogger(TemporaryFiles.class);
    private static final String LOCK = ".lock";
    /**
     * The folders of the instances living in this JVM (tests start several). Their lock files must
     * never be opened from here: on POSIX systems closing any channel on a file releases every lock
     * this process holds on it, so a check of a sibling's lock would unlock it for other processes,
     * whose next sweep would then delete a living instance's files.
     */
    private static final java.util.Set<Path> LIVING_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path own;
    private final FileChannel lockChannel;
    private final FileLock lock;

    TemporaryFiles(@Value("${annals.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().resolve("tmp");
        this.own = root.resolve("instance-" + Uuids.timeOrdered());
        try {
            Files.createDirectories(own);
            this.lockChannel = FileChannel.open(own.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = lockChannel.lock();
            LIVING_HERE.add(own);
        } catch (IOException e) {
            throw new UncheckedIOException("The folder for temporary files " + own + " cannot be written.", e);
        }
    }

    /** A new, empty file in this instance's folder. */
    public Path create(String prefix, String suffix) {
        try {
            return Files.createTempFile(own, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary file could be created in " + own + ".", e);
        }
    }

    /** Deletes a file if it is there; a failure is logged, never thrown (the next start sweeps it). */
    public static void delete(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary file {}", file, e);
        }
    }

    /** Deletes the folders of instances that are gone: what they left when they were stopped hard. */
    @EventListener(ApplicationReadyEvent.class)
    public int sweep() {
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory).filter(folder -> !LIVING_HERE.contains(folder)).toList();
        } catch (IOException e) {
            log.warn("Could not look for stale temporary files in {}", root, e);
            return 0;
        }
        int removed = 0;
        for (Path folder : folders) {
            if (ownerIsGone(folder)) {
                removed += deleteTree(folder);
            }
        }
        if (removed > 0) {
            log.info("Removed {} stale temporary files left by stopped instances in {}", removed, root);
        }
        return removed;
    }

    private static boolean ownerIsGone(Path folder) {
        Path lockFile = folder.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return false; // Another instance holds it: alive.
            }
            taken.release();
            return true;
        } catch (OverlappingFileLockException sameJvm) {
            return false; // Held in this JVM after all (a folder of an instance that is closing).
        } catch (IOException e) {
            log.warn("Could not check whether {} is still in use", folder, e);
            return false;
        }
    }

    /** Deletes a folder and what is in it; returns the number of files deleted (the lock file not counted). */
    private static int deleteTree(Path folder) {
        int files = 0;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(path) && !path.getFileName().toString().equals(LOCK)) {
                    files++;
                }
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not remove all of {}", folder, e);
        }
        return files;
    }

    /** A clean stop leaves nothing behind. */
    @PreDestroy
    void close() {
        LIVING_HERE.remove(own);
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.debug("Releasing {}", own, e);
        }
        deleteTree(own);
    }

    /** This instance's folder. */
    public Path folder() {
        return own;
    }
}
