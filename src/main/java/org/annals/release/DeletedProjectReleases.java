package org.annals.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.annals.project.ProjectDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deleted project's release zips live outside the database: once the deletion is committed (never
 * before: a deletion that rolls back keeps its releases), its folder goes too.
 */
@Component
class DeletedProjectReleases {

    private static final Logger log = LoggerFactory.getLogger(DeletedProjectReleases.class);

    private final Path directory;

    DeletedProjectReleases(@Value("${annals.releases.directory:${annals.data-dir:./data}/releases}") String directory) {
        this.directory = Path.of(directory).toAbsolutePath();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void projectDeleted(ProjectDeleted deleted) {
        Path folder = directory.resolve(deleted.projectId().toString());
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("The release files of deleted project {} could not all be removed from {}: {}",
                    deleted.projectId(), folder, e.getMessage());
        }
    }
}
