package org.annals.export;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.annals.base.NotFoundException;
import org.annals.base.TemporaryFiles;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.jobs.HeldJobs;
import org.annals.jobs.Job;
import org.annals.jobs.JobRunner;
import org.annals.jobs.JobState;
import org.annals.jobs.JobsBusyException;
import org.annals.project.ProjectRole;
import org.annals.release.ReleaseService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Exports as background jobs of the export service: a file kept until discarded, progress, cancel
 * that leaves nothing, the node's limit shared with releases and with exports on the caller's thread,
 * and the permission checked before anything starts.
 */
@IntegrationTest
class ExportJobsTest {

    @Autowired
    ExportService exports;
    @Autowired
    ReleaseService releases;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    JobRunner jobs;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TemporaryFiles temporaryFiles;

    UUID project;
    AnnalsPrincipal viewer;
    AnnalsPrincipal manager;

    @BeforeEach
    void projectWithVettedEntities() {
        project = fixtures.newProject(fixtures.admin());
        viewer = fixtures.newUser("viewer");
        manager = fixtures.newUser("manager");
        AnnalsPrincipal editor = fixtures.newUser("editor");
        AnnalsPrincipal reviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        for (String place : List.of("Hama", "Homs", "Aleppo")) {
            var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, place),
                    "Add " + place, true));
            as(reviewer, () -> review.approve(proposal.changesetId(), null));
        }
    }

    /** Export files are written in this instance's temporary folder ({@link TemporaryFiles}). */
    private Set<Path> exportFiles() throws IOException {
        try (var files = Files.list(temporaryFiles.folder())) {
            return files.filter(f -> f.getFileName().toString().startsWith("export-")).collect(Collectors.toSet());
        }
    }

    @Test
    void a_background_export_reports_progress_and_keeps_its_file_until_discarded() {
        Job<ExportFile> job = as(viewer, () -> exports.start(project, ExportFormat.ENTITIES_CSV, ExportFilter.ALL, false));
        var progress = new CopyOnWriteArrayList<Long>();
        job.watch(j -> progress.add(j.done()));

        ExportFile file = job.await();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.ownerName()).isEqualTo(viewer.getUsername());
        assertThat(job.total()).isEqualTo(3);
        assertThat(job.done()).isEqualTo(3);
        assertThat(progress).isNotEmpty().last().isEqualTo(3L);
        assertThat(file.records()).isEqualTo(3);
        assertThat(file.fileName()).isEqualTo("entities.csv");
        assertThat(file.path()).content().contains("Hama", "Homs", "Aleppo");
        assertThat(file.bytes()).isEqualTo(file.path().toFile().length());

        job.discard();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void a_cancelled_export_stops_and_leaves_no_file() throws Exception {
        Set<Path> before = exportFiles();
        try (var held = HeldJobs.holdAfterProgress(jobs, ExportService.KIND)) {
            // dataset.json writes entities, then events, then annotations: held after the entities.
            Job<ExportFile> job = as(viewer, () -> exports.start(project, ExportFormat.DATASET_JSON, ExportFilter.ALL,
                    false));
            held.awaitHeld(1);
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.done()).isEqualTo(3);
            assertThat(exportFiles()).hasSize(before.size() + 1);

            job.cancel();
            held.letGo();
            assertThatThrownBy(job::await).isInstanceOf(org.annals.jobs.JobCancelledException.class);
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
            assertThat(job.result()).isEmpty();
        }
        assertThat(exportFiles()).isEqualTo(before);
        assertThat(jobs.active()).isEmpty();
    }

    @Test
    void when_every_slot_is_taken_exports_and_releases_are_refused_while_the_rest_keeps_answering() throws Exception {
        int limit = jobs.limit();
        try (var held = HeldJobs.holdAtStart(jobs, ExportService.KIND)) {
            var running = new java.util.ArrayList<Job<ExportFile>>();
            for (int i = 0; i < limit; i++) {
                running.add(as(viewer, () -> exports.start(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false)));
            }
            held.awaitHeld(limit);

            assertThatThrownBy(() -> as(viewer, () -> exports.start(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL,
                    false))).isInstanceOf(JobsBusyException.class).hasMessageContaining("try again in a moment");
            assertThatThrownBy(() -> as(viewer, () -> {
                try {
                    exports.export(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false, OutputStream.nullOutputStream(),
                            ExportProgress.NONE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).isInstanceOf(JobsBusyException.class);
            assertThatThrownBy(() -> as(viewer, () -> exports.stream(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL,
                    false))).isInstanceOf(JobsBusyException.class);
            assertThatThrownBy(() -> as(manager, () -> releases.start(project, "While busy")))
                    .isInstanceOf(JobsBusyException.class);
            // Everything that is not a job goes on.
            assertThat(as(viewer, () -> exports.count(project, ExportFormat.ENTITIES_CSV, ExportFilter.ALL))).isEqualTo(3);
            assertThat(as(viewer, () -> releases.list(project))).isEmpty();
            assertThat(jobs.active()).hasSize(limit).allSatisfy(j -> assertThat(j.kind()).isEqualTo(ExportService.KIND));

            held.letGo();
            for (Job<ExportFile> job : running) {
                job.await();
                job.discard();
            }
        }
        assertThat(as(manager, () -> releases.publish(project, "After the rush")).number()).isEqualTo(1);
    }

    @Test
    void permission_is_checked_when_an_export_is_asked_for_and_nothing_starts_without_it() {
        AnnalsPrincipal stranger = fixtures.newUser("stranger");
        assertThatThrownBy(() -> as(stranger, () -> exports.start(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false)))
                .isInstanceOfAny(NotFoundException.class, AccessDeniedException.class);
        assertThatThrownBy(() -> as(stranger, () -> exports.stream(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false)))
                .isInstanceOfAny(NotFoundException.class, AccessDeniedException.class);
        assertThatThrownBy(() -> Fixtures.anonymously(() -> exports.start(project, ExportFormat.EVENTS_CSV,
                ExportFilter.ALL, false))).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        assertThat(jobs.active()).isEmpty();
    }

    @Test
    void a_streamed_export_writes_the_same_bytes_as_a_background_one_and_gives_its_slot_back() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (StreamedExport streamed = as(viewer, () -> exports.stream(project, ExportFormat.ENTITIES_CSV,
                ExportFilter.ALL, false))) {
            assertThat(jobs.active()).hasSize(1);
            streamed.writeTo(out);
        }
        assertThat(jobs.active()).isEmpty();
        Job<ExportFile> job = as(viewer, () -> exports.start(project, ExportFormat.ENTITIES_CSV, ExportFilter.ALL, false));
        assertThat(Files.readAllBytes(job.await().path())).isEqualTo(out.toByteArray());
        job.discard();
        // Asked for and never written (the response failed first): closing gives the slot back.
        as(viewer, () -> exports.stream(project, ExportFormat.ENTITIES_CSV, ExportFilter.ALL, false)).close();
        assertThat(jobs.active()).isEmpty();
    }
}
