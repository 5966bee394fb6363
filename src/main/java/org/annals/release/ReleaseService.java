package org.annals.release;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.base.Uuids;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportProgress;
import org.annals.export.ExportService;
import org.annals.jobs.Job;
import org.annals.jobs.JobControl;
import org.annals.jobs.JobRequest;
import org.annals.jobs.JobRunner;
import org.annals.jobs.JobsBusyException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes releases: every export format of the whole vetted dataset, written from one database
 * snapshot into a zip with a manifest (counts, SHA-256 of each file, app version, licences and
 * attribution of the sources), numbered per project. The zip is kept in the releases folder and
 * never changes; the database keeps the manifest and a digest per event to compare releases. Publishing
 * is a job of the {@link JobRunner}: it runs in the background, counts against the node's limit, and
 * can be cancelled until the number is claimed.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ReleaseService {

    /** The kind of this service's jobs. */
    public static final String KIND = "release";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int NOTES_MAX_LENGTH = 4000;
    static final String DIRECTORY_SETTING = "${annals.releases.directory:${annals.data-dir:./data}/releases}";
    /** A zip being written: renamed to its release's name once the number is claimed ({@link ReleaseLeftovers}). */
    static final String PARTIAL_PREFIX = "publishing-";
    static final String PARTIAL_SUFFIX = ".zip";

    private final ProjectAccess access;
    private final ExportService exports;
    private final DatasetReleaseRepository releases;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate readOnly;
    private final Path directory;
    private final JobRunner jobs;
    /** Runs after the zip is written, before the number is claimed: lets a test make two publishes race. */
    volatile Runnable beforeNumberIsClaimed = () -> { };
    /** Runs after the zip got its final name, before the commit: lets a test make a publish fail there. */
    volatile Runnable afterFileIsPublished = () -> { };

    ReleaseService(ProjectAccess access, ExportService exports, DatasetReleaseRepository releases, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, JobRunner jobs,
            @Value(DIRECTORY_SETTING) String directory) {
        this.access = access;
        this.jobs = jobs;
        this.exports = exports;
        this.releases = releases;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        // Every file of a release must show the same data: one repeatable-read transaction for all of them.
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.directory = Path.of(directory).toAbsolutePath();
    }

    /**
     * Starts publishing the next release of the project in the background and returns its job at
     * once: progress in records written, cancel until the number is claimed, and the release when it
     * is done. The permission and the notes are checked here, before anything starts; the job runs as
     * the caller (the manifest names them). A cancelled or failed publish leaves no file and no row.
     * If another manager publishes at the same moment, one of the two gets the number and the other's
     * job fails with a message; nothing of it is kept.
     *
     * @throws JobsBusyException when the node already runs as many jobs as it may
     */
    public Job<ReleaseSummary> start(UUID projectId, String notes) {
        access.require(projectId, ProjectRole.MANAGER);
        String text = notes.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("Describe the release in a few words for the people who use it.");
        }
        if (text.length() > NOTES_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + NOTES_MAX_LENGTH + " characters for the notes.");
        }
        return jobs.submit(new JobRequest(KIND, "Publishing a release", projectId),
                control -> publishNow(projectId, text, control));
    }

    /** Publishes as {@link #start} does and waits for it: for callers that have nothing else to do meanwhile. */
    public ReleaseSummary publish(UUID projectId, String notes) {
        return start(projectId, notes).await();
    }

    /** The release of this project being published on this node now, if any (managers only). */
    @SuppressWarnings("unchecked")
    public Optional<Job<ReleaseSummary>> publishing(UUID projectId) {
        access.require(projectId, ProjectRole.MANAGER);
        return jobs.active().stream().filter(job -> KIND.equals(job.kind()) && projectId.equals(job.projectId()))
                .map(job -> (Job<ReleaseSummary>) job).findFirst();
    }

    private ReleaseSummary publishNow(UUID projectId, String text, JobControl control) {
        Path folder = directory.resolve(projectId.toString());
        Path temporary;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, PARTIAL_PREFIX, PARTIAL_SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("The releases folder " + folder + " cannot be written.", e);
        }
        var published = new Path[1];
        try {
            UUID id = snapshot.execute(status -> write(projectId, text, temporary, folder, published, control));
            return list(projectId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        } catch (RuntimeException failed) {
            // The transaction did not commit: a zip already moved to its final name belongs to no release.
            if (published[0] != null) {
                deleteQuietly(published[0]);
            }
            if (failed instanceof DataIntegrityViolationException || failed instanceof ConcurrencyFailureException) {
                throw new InvalidInputException("Another release was published at the same moment and took the"
                        + " number; yours was not kept. Reload to see it, then publish again if something is missing.");
            }
            throw failed;
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stray temporary file is harmless; the next publish makes its own.
        }
    }

    private UUID write(UUID projectId, String notes, Path temporary, Path folder, Path[] published, JobControl control) {
        int number = releases.lastNumber(projectId) + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID id = Uuids.timeOrdered();
        var files = new ArrayList<ObjectNode>();
        var events = new ArrayList<Object[]>();
        Map<ExportFormat, Long> records = new LinkedHashMap<>();
        control.step("Counting records");
        long total = 0;
        for (ExportFormat format : ExportFormat.values()) {
            total += exports.count(projectId, format, ExportFilter.ALL);
        }
        long all = total;
        control.progress(0, all);
        String zipSha;
        try (OutputStream file = Files.newOutputStream(temporary);
                var digest = new DigestOutputStream(file, sha256());
                var zip = new ZipOutputStream(digest)) {
            long before = 0;
            for (ExportFormat format : ExportFormat.values()) {
                control.step("Writing " + format.fileName());
                var entry = new ZipEntry(format.fileName());
                entry.setTime(now.toEpochMilli());
                zip.putNextEntry(entry);
                var fileDigest = sha256();
                var counting = new CountingOutputStream(new DigestOutputStream(unclosable(zip), fileDigest));
                OutputStream target = format == ExportFormat.DATASET_JSONL ? new EventLines(counting, events) : counting;
                var written = new long[1];
                long base = before;
                exports.export(projectId, format, ExportFilter.ALL, false, target, new ExportProgress() {
                    @Override
                    public void written(long rows) {
                        written[0] = rows;
                        control.progress(base + rows, all);
                    }

                    @Override
                    public boolean cancelled() {
                        return control.cancelled();
                    }
                });
                target.flush();
                zip.closeEntry();
                records.put(format, written[0]);
                before += written[0];
                files.add(JSON.createObjectNode().put("name", format.fileName()).put("bytes", counting.count)
                        .put("sha256", HexFormat.of().formatHex(fileDigest.digest())).put("records", written[0]));
                control.throwIfCancelled();
            }
            control.step("Writing the manifest");
            ObjectNode manifest = manifest(projectId, number, notes, now, files, records);
            var entry = new ZipEntry("manifest.json");
            entry.setTime(now.toEpochMilli());
            zip.putNextEntry(entry);
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            zipSha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            String fileName = "release-" + number + ".zip";
            long size = Files.size(temporary);
            // The last moment to cancel: from here on the release is claimed and kept.
            control.throwIfCancelled();
            beforeNumberIsClaimed.run();
            releases.saveAndFlush(new DatasetRelease(id, projectId, number, notes, fileName, size, zipSha,
                    JSON.writeValueAsString(manifest), records.get(ExportFormat.EVENTS_CSV).intValue(),
                    records.get(ExportFormat.ENTITIES_CSV).intValue(), records.get(ExportFormat.ANNOTATIONS_CSV).intValue(),
                    CurrentUser.require().userId(), now));
            jdbc.batchUpdate("insert into dataset_release_event (release_id, event_id, title, digest) values (?, ?, ?, ?)",
                    events.stream().map(e -> new Object[] {id, e[0], e[1], e[2]}).toList());
            // Only once the number is ours does the file get its final name.
            control.step("Saving release " + number);
            Files.move(temporary, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            published[0] = folder.resolve(fileName);
            afterFileIsPublished.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private ObjectNode manifest(UUID projectId, int number, String notes, Instant now, List<ObjectNode> files,
            Map<ExportFormat, Long> records) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.putObject("project").put("id", projectId.toString()).put("name",
                jdbc.queryForObject("select name from project where id = ?", String.class, projectId));
        manifest.putObject("release").put("number", number).put("notes", notes).put("publishedAt", now.toString())
                .put("publishedBy", CurrentUser.require().getUsername());
        manifest.put("appVersion", appVersion());
        manifest.putObject("filters").put("description", "none: the whole vetted dataset");
        manifest.putObject("counts").put("events", records.get(ExportFormat.EVENTS_CSV))
                .put("claims", records.get(ExportFormat.CLAIMS_CSV))
                .put("entities", records.get(ExportFormat.ENTITIES_CSV))
                .put("annotations", records.get(ExportFormat.ANNOTATIONS_CSV));
        ArrayNode list = manifest.putArray("files");
        files.forEach(list::add);
        manifest.put("licence", "Events, entities and annotations are the project's own records. Each quote is"
                + " from a source that keeps its own licence: attribute it as listed under \"sources\".");
        ArrayNode sources = manifest.putArray("sources");
        // With each source, the fingerprint of the original its text was made from (issue 19): a reader of the
        // release can check a copy of the page or file against it.
        jdbc.query("select s.id, s.title, s.url, s.publisher, s.author, s.licence, c.sha256, c.final_url, c.retrieved_at"
                + " from source s left join source_capture c on c.source_id = s.id where s.project_id = ?"
                + " order by s.title, s.id",
                rs -> {
                    ObjectNode source = sources.addObject().put("id", rs.getObject(1, UUID.class).toString())
                            .put("title", rs.getString(2));
                    putIfPresent(source, "url", rs.getString(3));
                    putIfPresent(source, "publisher", rs.getString(4));
                    putIfPresent(source, "author", rs.getString(5));
                    putIfPresent(source, "licence", rs.getString(6));
                    if (rs.getString(7) != null) {
                        ObjectNode capture = source.putObject("capture").put("sha256", rs.getString(7));
                        putIfPresent(capture, "finalUrl", rs.getString(8));
                        capture.put("retrievedAt", rs.getObject(9, java.time.OffsetDateTime.class).toInstant()
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                    }
                }, projectId);
        return manifest;
    }

    /** The project's releases, newest first. Every member may see and download them. */
    public List<ReleaseSummary> list(UUID projectId) {
        access.require(projectId, ProjectRole.VIEWER);
        return readOnly.execute(status -> releases.findByProjectIdOrderByNumberDesc(projectId).stream()
                .map(r -> new ReleaseSummary(r.getId(), r.getNumber(), r.getNotes(), r.getFileName(), r.getFileSize(),
                        r.getFileSha256(), r.getEventCount(), r.getEntityCount(), r.getAnnotationCount(),
                        jdbc.queryForObject("select username from app_user where id = ?", String.class, r.getPublishedBy()),
                        r.getPublishedAt()))
                .toList());
    }

    /** The release's zip on disk. */
    public Path file(UUID projectId, UUID releaseId) {
        access.require(projectId, ProjectRole.VIEWER);
        DatasetRelease release = releases.findByIdAndProjectId(releaseId, projectId)
                .orElseThrow(() -> new NotFoundException("Release"));
        Path file = directory.resolve(projectId.toString()).resolve(release.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("Release file");
        }
        return file;
    }

    /** Events added, changed and removed since the release before this one (at most 1,000 of each). */
    public ReleaseChanges changes(UUID projectId, UUID releaseId) {
        access.require(projectId, ProjectRole.VIEWER);
        return readOnly.execute(status -> {
            DatasetRelease release = releases.findByIdAndProjectId(releaseId, projectId)
                    .orElseThrow(() -> new NotFoundException("Release"));
            var previous = releases.findByProjectIdAndNumber(projectId, release.getNumber() - 1);
            if (previous.isEmpty()) {
                return new ReleaseChanges(release.getNumber(), null, items("""
                        select n.event_id, n.title from dataset_release_event n where n.release_id = ?
                        order by n.title, n.event_id""", release.getId()), List.of(), List.of());
            }
            UUID now = release.getId();
            UUID before = previous.get().getId();
            return new ReleaseChanges(release.getNumber(), previous.get().getNumber(),
                    items("""
                            select n.event_id, n.title from dataset_release_event n where n.release_id = ? and not exists
                            (select 1 from dataset_release_event o where o.release_id = ? and o.event_id = n.event_id)
                            order by n.title, n.event_id""", now, before),
                    items("""
                            select n.event_id, n.title from dataset_release_event n join dataset_release_event o
                            on o.event_id = n.event_id and o.release_id = ? where n.release_id = ? and o.digest <> n.digest
                            order by n.title, n.event_id""", before, now),
                    items("""
                            select o.event_id, o.title from dataset_release_event o where o.release_id = ? and not exists
                            (select 1 from dataset_release_event n where n.release_id = ? and n.event_id = o.event_id)
                            order by o.title, o.event_id""", before, now));
        });
    }

    private List<ReleaseChanges.Item> items(String sql, Object... args) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setMaxRows(1000);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, (rs, i) -> new ReleaseChanges.Item(rs.getObject(1, UUID.class), rs.getString(2)));
    }

    private String appVersion() {
        String version = ReleaseService.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static void putIfPresent(ObjectNode node, String name, @org.jspecify.annotations.Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Counts the bytes of one file of the zip. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Passes dataset.jsonl through and keeps, for every event line, the event's id, title and the
     * SHA-256 of the line: comparing releases compares these digests.
     */
    private static final class EventLines extends FilterOutputStream {
        private final List<Object[]> events;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        EventLines(OutputStream out, List<Object[]> events) {
            super(out);
            this.events = events;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            take(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                take(b[i]);
            }
        }

        private void take(int b) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                line.reset();
                if (bytes.length > 0 && new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8)
                        .startsWith("{\"record\":\"event\"")) {
                    JsonNode event = JSON.readTree(bytes);
                    events.add(new Object[] {UUID.fromString(event.path("id").asString()), event.path("title").asString(),
                            HexFormat.of().formatHex(sha256().digest(bytes))});
                }
            } else {
                line.write(b);
            }
        }
    }
}
