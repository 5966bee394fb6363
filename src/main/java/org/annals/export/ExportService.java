package org.annals.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.annals.base.TemporaryFiles;
import org.annals.jobs.Job;
import org.annals.jobs.JobRequest;
import org.annals.jobs.JobRunner;
import org.annals.jobs.JobsBusyException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a project's vetted dataset in one of the export formats, streaming: rows go from a database
 * cursor to the output in batches, so an export of a million annotations needs no more memory than
 * one of ten. Viewers and above may export; pending proposals are never included, because only the
 * live tables (which hold vetted records alone) are read. Every export is a job of the
 * {@link JobRunner} (in the background into a file, or streamed on the caller's thread), so the node's
 * limit on concurrent jobs bounds how many hold a database connection at once.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ExportService {

    /** The kind of this service's jobs. */
    public static final String KIND = "export";
    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    private final ProjectAccess access;
    private final DatasetReader reader;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final JobRunner jobs;
    private final TemporaryFiles temporaryFiles;

    ExportService(ProjectAccess access, DatasetReader reader, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            JobRunner jobs, TemporaryFiles temporaryFiles) {
        this.temporaryFiles = temporaryFiles;
        this.access = access;
        this.reader = reader;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Starts writing the export into a temporary file in the background and returns its job at once:
     * progress in records, cancel (a cancelled or failed export leaves no file), and the file when it
     * is done, kept until the job is {@linkplain Job#discard() discarded}. The permission is checked
     * here, before anything starts; the job runs as the caller.
     *
     * @throws JobsBusyException when the node already runs as many jobs as it may
     */
    public Job<ExportFile> start(UUID projectId, ExportFormat format, ExportFilter filter, boolean bom) {
        access.require(projectId, ProjectRole.VIEWER);
        return jobs.submit(new JobRequest(KIND, "Export of " + format.fileName(), projectId), control -> {
            control.step("Counting records");
            long total = readOnly.execute(status -> countRecords(projectId, format, filter));
            control.progress(0, total);
            control.step("Writing " + format.fileName());
            Path file = temporaryFile(format);
            boolean kept = false;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                long written = writeInTransaction(projectId, format, filter, bom, out,
                        StreamedExport.progressOf(control, total, ExportProgress.NONE));
                out.flush();
                // Cancelled after the last batch: the person no longer wants the file.
                control.throwIfCancelled();
                kept = true;
                return new ExportFile(file, format.fileName(), written, Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (!kept) {
                    deleteQuietly(file);
                }
            }
        }, done -> deleteQuietly(done.path()));
    }

    /**
     * Reserves a slot for an export that the caller streams to a response, after checking the
     * permission; {@link StreamedExport#writeTo} then writes it on the caller's thread.
     *
     * @throws JobsBusyException when the node already runs as many jobs as it may
     */
    public StreamedExport stream(UUID projectId, ExportFormat format, ExportFilter filter, boolean bom) {
        access.require(projectId, ProjectRole.VIEWER);
        var reservation = jobs.reserve(new JobRequest(KIND, "Streamed export of " + format.fileName(), projectId));
        return new StreamedExport(reservation, format, out -> control -> {
            control.step("Writing " + format.fileName());
            writeInTransaction(projectId, format, filter, bom, out, StreamedExport.progressOf(control, 0, ExportProgress.NONE));
            return null;
        });
    }

    /**
     * Writes the export to {@code out} (not closed) on this thread. {@code bom} puts a UTF-8 byte order
     * mark before CSV for spreadsheets that need it. Inside a running job (a release) it is part of that
     * job; otherwise it takes a slot of the job runner like any export. Throws
     * {@link ExportCancelledException} when the progress says the person cancelled; what was written so
     * far is then incomplete and must be discarded.
     *
     * @throws JobsBusyException when it needs a slot and none is free
     */
    public void export(UUID projectId, ExportFormat format, ExportFilter filter, boolean bom, OutputStream out,
            ExportProgress progress) throws IOException {
        access.require(projectId, ProjectRole.VIEWER);
        try {
            jobs.runHere(new JobRequest(KIND, "Export of " + format.fileName(), projectId), control ->
                    writeInTransaction(projectId, format, filter, bom, out, StreamedExport.progressOf(control, 0, progress)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes in one read-only transaction (PostgreSQL streams a cursor only inside one); returns the records written. */
    private long writeInTransaction(UUID projectId, ExportFormat format, ExportFilter filter, boolean bom,
            OutputStream out, ExportProgress progress) {
        var counter = new Counter(progress);
        readOnly.executeWithoutResult(status -> {
            try {
                write(projectId, format, filter, bom, out, counter);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return counter.written;
    }

    /** In this instance's own temporary folder, which the next start sweeps if this one dies ({@link TemporaryFiles}). */
    private Path temporaryFile(ExportFormat format) {
        return temporaryFiles.create("export-", "-" + format.fileName());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the export file {}", file, e);
        }
    }

    /** How many records an export will write (for a progress bar): events, entities or annotations. */
    public long count(UUID projectId, ExportFormat format, ExportFilter filter) {
        access.require(projectId, ProjectRole.VIEWER);
        return countRecords(projectId, format, filter);
    }

    private long countRecords(UUID projectId, ExportFormat format, ExportFilter filter) {
        return switch (format) {
            case EVENTS_CSV, TIMELINE_JSON, EVENTS_GEOJSON -> eventCount(projectId, filter, "event_record e");
            case CLAIMS_CSV -> eventCount(projectId, filter, "event_claim c join event_record e on e.id = c.event_id");
            case ENTITIES_CSV -> entityCount(projectId);
            case ANNOTATIONS_CSV, ANNOTATIONS_JSONLD -> annotationCount(projectId, filter);
            case DATASET_JSON, DATASET_JSONL -> eventCount(projectId, filter, "event_record e") + entityCount(projectId)
                    + annotationCount(projectId, filter);
        };
    }

    /** Rows of {@code from} (which has the events as {@code e}) of the events the filter selects. */
    private long eventCount(UUID projectId, ExportFilter filter, String from) {
        var where = new StringBuilder();
        var args = new java.util.ArrayList<Object>();
        DatasetReader.eventClauses(projectId, filter, "e", where, args);
        return jdbc.queryForObject("select count(*) from " + from + " where " + where, Long.class, args.toArray());
    }

    private long entityCount(UUID projectId) {
        return jdbc.queryForObject("select count(*) from entity_record where project_id = ? and merged_into_id is null",
                Long.class, projectId);
    }

    private long annotationCount(UUID projectId, ExportFilter filter) {
        var where = new StringBuilder();
        var args = new java.util.ArrayList<Object>();
        DatasetReader.annotationClauses(projectId, filter, where, args);
        return jdbc.queryForObject("select count(*) from annotation n where " + where, Long.class, args.toArray());
    }

    private void write(UUID projectId, ExportFormat format, ExportFilter filter, boolean bom, OutputStream out,
            Counter counter) throws IOException {
        switch (format) {
            case EVENTS_CSV -> {
                var csv = new CsvExport(out, bom);
                csv.header(CsvExport.EVENT_COLUMNS);
                reader.events(projectId, filter, counter.then(csv::events));
                csv.flush();
            }
            case CLAIMS_CSV -> {
                var csv = new CsvExport(out, bom);
                csv.header(CsvExport.CLAIM_COLUMNS);
                // Read as events (each with its claims), written and counted as claims.
                Consumer<List<CsvExport.ClaimLine>> lines = counter.then(csv::claims);
                reader.events(projectId, filter, events -> lines.accept(CsvExport.ClaimLine.of(events)));
                csv.flush();
            }
            case ENTITIES_CSV -> {
                var csv = new CsvExport(out, bom);
                csv.header(CsvExport.ENTITY_COLUMNS);
                reader.entities(projectId, counter.then(csv::entities));
                csv.flush();
            }
            case ANNOTATIONS_CSV -> {
                var csv = new CsvExport(out, bom);
                csv.header(CsvExport.ANNOTATION_COLUMNS);
                reader.annotations(projectId, filter, counter.then(csv::annotations));
                csv.flush();
            }
            case DATASET_JSON -> dataset(projectId, filter, out, counter);
            case DATASET_JSONL -> datasetLines(projectId, filter, out, counter);
            case ANNOTATIONS_JSONLD -> webAnnotations(projectId, filter, out, counter);
            case TIMELINE_JSON -> timeline(projectId, filter, out, counter);
            case EVENTS_GEOJSON -> {
                try (var geo = new GeoJsonExport(out)) {
                    reader.events(projectId, filter, counter.then(rows -> rows.forEach(geo::event)));
                }
            }
        }
        out.flush();
    }

    private void dataset(UUID projectId, ExportFilter filter, OutputStream out, Counter counter) {
        try (var export = new JsonExport(out, false)) {
            JsonGenerator json = export.generator();
            json.writeStartObject();
            json.writeObjectPropertyStart("project");
            project(json, projectId);
            json.writeEndObject();
            json.writeArrayPropertyStart("sources");
            reader.sources(projectId, source -> {
                json.writeStartObject();
                export.source(source);
                json.writeEndObject();
            });
            json.writeEndArray();
            json.writeArrayPropertyStart("entities");
            reader.entities(projectId, counter.then(rows -> rows.forEach(e -> {
                json.writeStartObject();
                export.entity(e);
                json.writeEndObject();
            })));
            json.writeEndArray();
            json.writeArrayPropertyStart("events");
            reader.events(projectId, filter, counter.then(rows -> rows.forEach(e -> {
                json.writeStartObject();
                export.event(e);
                json.writeEndObject();
            })));
            json.writeEndArray();
            json.writeArrayPropertyStart("annotations");
            reader.annotations(projectId, filter, counter.then(rows -> rows.forEach(export::webAnnotation)));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void datasetLines(UUID projectId, ExportFilter filter, OutputStream out, Counter counter) {
        try (var export = new JsonExport(out, true)) {
            JsonGenerator json = export.generator();
            export.startLine("project");
            project(json, projectId);
            export.endLine();
            reader.sources(projectId, source -> {
                export.startLine("source");
                export.source(source);
                export.endLine();
            });
            reader.entities(projectId, counter.then(rows -> rows.forEach(e -> {
                export.startLine("entity");
                export.entity(e);
                export.endLine();
            })));
            reader.events(projectId, filter, counter.then(rows -> rows.forEach(e -> {
                export.startLine("event");
                export.event(e);
                export.endLine();
            })));
            reader.annotations(projectId, filter, counter.then(rows -> rows.forEach(a -> {
                export.startLine("annotation");
                json.writeName("annotation");
                export.webAnnotation(a);
                export.endLine();
            })));
        }
    }

    /** A W3C AnnotationCollection with one page holding every annotation; the total is counted first. */
    private void webAnnotations(UUID projectId, ExportFilter filter, OutputStream out, Counter counter) {
        long total = annotationCount(projectId, filter);
        try (var export = new JsonExport(out, false)) {
            JsonGenerator json = export.generator();
            json.writeStartObject();
            json.writeStringProperty("@context", "http://www.w3.org/ns/anno.jsonld");
            json.writeStringProperty("id", "urn:uuid:" + collectionId(projectId, filter, "collection"));
            json.writeStringProperty("type", "AnnotationCollection");
            json.writeStringProperty("label", projectName(projectId) + ": vetted annotations");
            json.writeNumberProperty("total", total);
            json.writeObjectPropertyStart("first");
            json.writeStringProperty("id", "urn:uuid:" + collectionId(projectId, filter, "page 0"));
            json.writeStringProperty("type", "AnnotationPage");
            json.writeNumberProperty("startIndex", 0);
            json.writeArrayPropertyStart("items");
            reader.annotations(projectId, filter, counter.then(rows -> rows.forEach(export::webAnnotation)));
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /**
     * The id of the annotation collection (or of its page) of a project under a filter: a name-based UUID (RFC 9562,
     * version 3) of the project, the filter and the part, so that a urn:uuid URN names it, and the same export
     * always has the same id while a differently filtered one has another.
     */
    static UUID collectionId(UUID projectId, ExportFilter filter, String part) {
        return UUID.nameUUIDFromBytes(("annals:annotations:" + projectId + ":" + filter + ":" + part)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void timeline(UUID projectId, ExportFilter filter, OutputStream out, Counter counter) {
        try (var export = new JsonExport(out, false)) {
            JsonGenerator json = export.generator();
            json.writeStartObject();
            json.writeObjectPropertyStart("title");
            json.writeObjectPropertyStart("text");
            json.writeStringProperty("headline", JsonExport.html(projectName(projectId)));
            json.writeStringProperty("text", "Vetted events");
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayPropertyStart("events");
            reader.events(projectId, filter, counter.then(rows -> rows.forEach(export::timelineEvent)));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void project(JsonGenerator json, UUID projectId) {
        json.writeStringProperty("id", projectId.toString());
        json.writeStringProperty("name", projectName(projectId));
    }

    private String projectName(UUID projectId) {
        return jdbc.queryForObject("select name from project where id = ?", String.class, projectId);
    }

    /** Counts what was written, tells the progress listener, and stops a cancelled export between batches. */
    private static final class Counter {
        private final ExportProgress progress;
        private long written;

        Counter(ExportProgress progress) {
            this.progress = progress;
        }

        <T> Consumer<List<T>> then(Consumer<List<T>> write) {
            return batch -> {
                if (progress.cancelled()) {
                    throw new ExportCancelledException();
                }
                write.accept(batch);
                written += batch.size();
                progress.written(written);
            };
        }
    }
}
