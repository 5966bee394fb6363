package org.annals.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unfinished release zips on the real file system: one that nothing has written to for an hour was
 * left by an instance stopped while publishing and is removed at start; one still being written (by
 * another instance sharing the folder) and every finished release stay.
 */
class ReleaseLeftoversTest {

    @TempDir
    Path releases;

    @Test
    void only_partial_zips_nobody_writes_to_any_more_are_removed() throws Exception {
        Instant now = Instant.parse("2026-12-06T09:00:00Z");
        Path project = Files.createDirectories(releases.resolve("0190a000-0000-7000-8000-000000000001"));
        Path abandoned = write(project.resolve("publishing-123.zip"), now.minus(Duration.ofHours(3)));
        Path inProgress = write(project.resolve("publishing-456.zip"), now.minus(Duration.ofMinutes(2)));
        Path published = write(project.resolve("release-1.zip"), now.minus(Duration.ofDays(30)));
        Path other = write(Files.createDirectories(releases.resolve("0190a000-0000-7000-8000-000000000002"))
                .resolve("publishing-789.zip"), now.minus(Duration.ofHours(1).plusSeconds(1)));

        var leftovers = new ReleaseLeftovers(releases, Clock.fixed(now, ZoneOffset.UTC));

        assertThat(leftovers.sweep()).isEqualTo(2);
        assertThat(abandoned).doesNotExist();
        assertThat(other).doesNotExist();
        assertThat(inProgress).exists();
        assertThat(published).exists();
        assertThat(new ReleaseLeftovers(releases.resolve("not-there"), Clock.systemUTC()).sweep()).isZero();
    }

    private static Path write(Path file, Instant modified) throws Exception {
        Files.writeString(file, "zip bytes");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
