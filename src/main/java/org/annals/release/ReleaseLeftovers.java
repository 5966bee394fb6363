package org.annals.release;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes release zips that were never finished: a publish writes {@code publishing-*.zip} next to
 * the releases and renames it once its number is claimed, and deletes it when it fails; only an
 * instance stopped hard in between leaves one behind. The releases folder may be shared by several
 * instances, so a partial zip counts as left behind only when nothing has written to it for
 * {@link #STALE_AFTER} (a publish in progress writes to it all the time, and takes minutes at most).
 */
@Component
class ReleaseLeftovers {

    static final Duration STALE_AFTER = Duration.ofHours(1);
    static final String PARTIAL_GLOB = ReleaseService.PARTIAL_PREFIX + "*" + ReleaseService.PARTIAL_SUFFIX;

    private static final Logger log = LoggerFactory.getLogger(ReleaseLeftovers.class);

    private final Path directory;
    private final Clock clock;

    @Autowired
    ReleaseLeftovers(@Value(ReleaseService.DIRECTORY_SETTING) String directory) {
        this(Path.of(directory).toAbsolutePath(), Clock.systemUTC());
    }

    ReleaseLeftovers(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    int sweep() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(STALE_AFTER);
        int removed = 0;
        try (DirectoryStream<Path> projects = Files.newDirectoryStream(directory, Files::isDirectory)) {
            for (Path project : projects) {
                try (DirectoryStream<Path> partials = Files.newDirectoryStream(project, PARTIAL_GLOB)) {
                    for (Path partial : partials) {
                        if (Files.getLastModifiedTime(partial).toInstant().isBefore(cutoff) && Files.deleteIfExists(partial)) {
                            removed++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for unfinished release zips in {}", directory, e);
        }
        if (removed > 0) {
            log.info("Removed {} unfinished release zips in {}", removed, directory);
        }
        return removed;
    }
}
