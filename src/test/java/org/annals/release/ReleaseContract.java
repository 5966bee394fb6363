package org.annals.release;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.annals.base.InvalidInputException;
import org.annals.export.ExportFile;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportService;
import org.annals.jobs.HeldJobs;
import org.annals.jobs.Job;
import org.annals.jobs.JobCancelledException;
import org.annals.jobs.JobRunner;
import org.annals.jobs.JobState;
import org.annals.jobs.JobsBusyException;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Releases on H2 and PostgreSQL: what the zip holds, what changed between releases, and a race. */
abstract class ReleaseContract {

    @Autowired
    ReleaseService releases;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JobRunner jobs;
    @Autowired
    ExportService exports;
    @Value("${annals.releases.directory:${annals.data-dir:./data}/releases}")
    String releasesDirectory;

    UUID project;
    AnnalsPrincipal manager;
    AnnalsPrincipal secondManager;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID battles;

    @BeforeEach
    void projectWithMembers() {
        manager = fixtures.newUser("manager");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        secondManager = fixtures.newUser("manager");
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, secondManager, ProjectRole.MANAGER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.newSource(project, editor, "Report", "Rebels entered Hama.");
        battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
    }

    private UUID approvedEvent(String title) {
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of(title, PartialDate.parse("2024-12-05"),
                battles), "Add " + title, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    private static Map<String, byte[]> unzip(java.nio.file.Path file) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(Files.newInputStream(file))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void a_release_is_a_zip_of_every_format_with_a_checksummed_manifest() throws Exception {
        approvedEvent("Fall of Hama");
        ReleaseSummary release = as(manager, () -> releases.publish(project, "First release"));
        assertThat(release.number()).isEqualTo(1);
        assertThat(release.events()).isEqualTo(1);

        var file = as(viewer, () -> releases.file(project, release.id()));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                .isEqualTo(release.sha256());
        Map<String, byte[]> entries = unzip(file);
        assertThat(entries.keySet()).containsExactly("events.csv", "claims.csv", "entities.csv", "annotations.csv", "dataset.json",
                "dataset.jsonl", "annotations.jsonld", "timeline.json", "events.geojson", "manifest.json");
        JsonNode manifest = JsonMapper.builder().build().readTree(entries.get("manifest.json"));
        assertThat(manifest.path("release").path("number").asInt()).isEqualTo(1);
        assertThat(manifest.path("counts").path("events").asInt()).isEqualTo(1);
        // Its date and its type, each a plain claim.
        assertThat(manifest.path("counts").path("claims").asInt()).isEqualTo(2);
        assertThat(manifest.path("sources").get(0).path("title").asString()).isEqualTo("Report");
        assertThat(manifest.path("appVersion").asString()).isNotBlank();
        for (JsonNode described : manifest.path("files")) {
            byte[] content = entries.get(described.path("name").asString());
            assertThat(described.path("bytes").asLong()).isEqualTo(content.length);
            assertThat(described.path("sha256").asString())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        assertThat(new String(entries.get("events.csv"), java.nio.charset.StandardCharsets.UTF_8)).contains("Fall of Hama");
    }

    @Autowired
    org.annals.source.SourceImportService imports;

    @Test
    void the_manifest_lists_the_capture_hash_of_each_source_imported_from_a_file() throws Exception {
        byte[] file = "An uploaded report on Homs.".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var preview = as(editor, () -> imports.preview(project, "homs.txt", file));
        as(editor, () -> imports.importSource(project, new org.annals.source.ImportRequest(
                org.annals.source.SourceMetadata.titled("Homs upload"), preview.draft().format(),
                preview.draft().blocks(), "homs.txt", preview.charset(), true, preview.original())));
        approvedEvent("Fall of Homs");
        ReleaseSummary release = as(manager, () -> releases.publish(project, "With a capture"));

        JsonNode manifest = JsonMapper.builder().build().readTree(unzip(as(viewer, () -> releases.file(project,
                release.id()))).get("manifest.json"));
        JsonNode homs = java.util.stream.StreamSupport.stream(manifest.path("sources").spliterator(), false)
                .filter(s -> s.path("title").asString().equals("Homs upload")).findFirst().orElseThrow();
        assertThat(homs.path("capture").path("sha256").asString()).isEqualTo(org.annals.source.Original.sha256(file));
        assertThat(homs.path("capture").path("retrievedAt").asString()).isNotBlank();
        JsonNode report = java.util.stream.StreamSupport.stream(manifest.path("sources").spliterator(), false)
                .filter(s -> s.path("title").asString().equals("Report")).findFirst().orElseThrow();
        assertThat(report.has("capture")).as("a source without an original has no capture").isFalse();
    }

    @Test
    void the_next_release_says_which_events_were_added_changed_and_removed() {
        UUID kept = approvedEvent("Kept");
        UUID changed = approvedEvent("Will change");
        UUID removed = approvedEvent("Will go");
        as(manager, () -> releases.publish(project, "One"));
        approvedEvent("New one");
        var update = as(editor, () -> events.proposeUpdate(project, changed, events.get(project, changed).version(),
                EventPayload.of("Changed", PartialDate.parse("2024-12-06"), battles), "Change", true));
        as(reviewer, () -> review.approve(update.changesetId(), null));
        var delete = as(editor, () -> events.proposeDelete(project, removed, events.get(project, removed).version(), "Go",
                true));
        as(reviewer, () -> review.approve(delete.changesetId(), null));
        ReleaseSummary second = as(manager, () -> releases.publish(project, "Two"));

        ReleaseChanges changes = as(viewer, () -> releases.changes(project, second.id()));
        assertThat(changes.previous()).isEqualTo(1);
        assertThat(changes.added()).extracting(ReleaseChanges.Item::title).containsExactly("New one");
        assertThat(changes.changed()).extracting(ReleaseChanges.Item::eventId).containsExactly(changed);
        assertThat(changes.removed()).extracting(ReleaseChanges.Item::eventId).containsExactly(removed);
        assertThat(changes.added()).extracting(ReleaseChanges.Item::eventId).doesNotContain(kept);
        assertThat(as(viewer, () -> releases.list(project))).extracting(ReleaseSummary::number).containsExactly(2, 1);
    }

    @Test
    void only_managers_publish_and_notes_are_required() {
        assertThatThrownBy(() -> as(reviewer, () -> releases.publish(project, "Mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(manager, () -> releases.publish(project, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(as(viewer, () -> releases.list(project))).isEmpty();
    }

    @Test
    void two_releases_published_at_once_one_wins_and_the_other_is_told() throws Exception {
        approvedEvent("Fall of Hama");
        var barrier = new CyclicBarrier(2);
        // The hook lives on the service itself, not on the security proxy the test is given.
        ReleaseService target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(releases);
        target.beforeNumberIsClaimed = () -> {
            try {
                barrier.await(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Object> first = pool.submit(() -> attempt(manager));
            Future<Object> second = pool.submit(() -> attempt(secondManager));
            List<Object> outcomes = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).filteredOn(o -> o instanceof ReleaseSummary).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof InvalidInputException).singleElement()
                    .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("published at the same moment"));
        } finally {
            target.beforeNumberIsClaimed = () -> { };
        }
        assertThat(as(viewer, () -> releases.list(project))).singleElement()
                .satisfies(r -> assertThat(r.number()).isEqualTo(1));
        try (var files = Files.list(as(viewer, () -> releases.file(project, releases.list(project).getFirst().id()))
                .getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("release-1.zip");
        }
    }

    /** What the project's releases folder holds (nothing at all before a release was kept). */
    private List<String> filesInReleasesFolder() throws IOException {
        var folder = java.nio.file.Path.of(releasesDirectory).toAbsolutePath().resolve(project.toString());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_release_publishes_in_the_background_with_progress_while_the_service_keeps_answering() throws Exception {
        approvedEvent("Fall of Hama");
        approvedEvent("Fall of Homs");
        try (var held = HeldJobs.holdAfterProgress(jobs, ReleaseService.KIND)) {
            // The handle comes back at once: the publishing itself is held open on its own thread.
            Job<ReleaseSummary> job = as(manager, () -> releases.start(project, "In the background"));
            held.awaitHeld(1);
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.done()).isPositive();
            assertThat(job.total()).isGreaterThanOrEqualTo(job.done());
            assertThat(job.step()).hasValueSatisfying(step -> assertThat(step).startsWith("Writing "));
            assertThat(job.ownerId()).contains(manager.userId());
            assertThat(as(secondManager, () -> releases.publishing(project))).contains(job);
            assertThatThrownBy(() -> as(viewer, () -> releases.publishing(project)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(as(viewer, () -> releases.list(project))).isEmpty();

            held.letGo();
            ReleaseSummary release = job.await();
            assertThat(release.number()).isEqualTo(1);
            assertThat(release.events()).isEqualTo(2);
            assertThat(release.publishedBy()).isEqualTo(manager.getUsername());
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.done()).isEqualTo(job.total());
        }
        assertThat(as(manager, () -> releases.publishing(project))).isEmpty();
        assertThat(filesInReleasesFolder()).containsExactly("release-1.zip");
    }

    @Test
    void a_cancelled_release_leaves_no_release_and_no_file() throws Exception {
        approvedEvent("Fall of Hama");
        try (var held = HeldJobs.holdAfterProgress(jobs, ReleaseService.KIND)) {
            Job<ReleaseSummary> job = as(manager, () -> releases.start(project, "Never mind"));
            held.awaitHeld(1);
            assertThat(filesInReleasesFolder()).singleElement().asString().startsWith("publishing-");
            job.cancel();
            held.letGo();
            assertThatThrownBy(job::await).isInstanceOf(JobCancelledException.class);
            assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        }
        assertThat(as(viewer, () -> releases.list(project))).isEmpty();
        assertThat(filesInReleasesFolder()).isEmpty();
        // The number was never claimed: the next release is number 1.
        assertThat(as(manager, () -> releases.publish(project, "Now")).number()).isEqualTo(1);
    }

    @Test
    void a_release_that_fails_after_its_zip_got_its_name_leaves_nothing_half_written() throws Exception {
        approvedEvent("Fall of Hama");
        ReleaseService target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(releases);
        target.afterFileIsPublished = () -> {
            throw new IllegalStateException("disk full");
        };
        try {
            Job<ReleaseSummary> job = as(manager, () -> releases.start(project, "Doomed"));
            assertThatThrownBy(job::await).isInstanceOf(IllegalStateException.class);
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.failureMessage()).hasValueSatisfying(message -> assertThat(message)
                    .contains("logged with reference").doesNotContain("disk full"));
        } finally {
            target.afterFileIsPublished = () -> { };
        }
        assertThat(as(viewer, () -> releases.list(project))).isEmpty();
        assertThat(filesInReleasesFolder()).isEmpty();
    }

    @Test
    void while_the_node_is_busy_publishing_is_refused_after_the_permission_check() throws Exception {
        try (var held = HeldJobs.holdAtStart(jobs, ExportService.KIND)) {
            var running = new java.util.ArrayList<Job<ExportFile>>();
            for (int i = 0; i < jobs.limit(); i++) {
                running.add(as(viewer, () -> exports.start(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL, false)));
            }
            held.awaitHeld(jobs.limit());
            assertThatThrownBy(() -> as(reviewer, () -> releases.start(project, "Not mine")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(manager, () -> releases.start(project, "Busy")))
                    .isInstanceOf(JobsBusyException.class).hasMessageContaining("try again in a moment");
            held.letGo();
            for (Job<ExportFile> job : running) {
                job.await();
                job.discard();
            }
        }
        assertThat(filesInReleasesFolder()).isEmpty();
        assertThat(as(manager, () -> releases.publish(project, "Calm again")).number()).isEqualTo(1);
    }

    private Object attempt(AnnalsPrincipal who) {
        try {
            return as(who, () -> releases.publish(project, "Race"));
        } catch (InvalidInputException refused) {
            return refused;
        }
    }
}
