package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.UUID;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.export.ExportFile;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportService;
import org.annals.jobs.HeldJobs;
import org.annals.jobs.Job;
import org.annals.jobs.JobRunner;
import org.annals.project.ProjectRole;
import org.annals.release.ReleaseService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Releases and exports as background jobs in a real browser: publishing shows progress while the page
 * stays usable (even left and opened again), the page is told by push when it is done, a cancel keeps
 * nothing, and an export asked for while the server is busy gets the "try again" message.
 */
class BackgroundJobsJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    JobRunner jobs;
    @Autowired
    ExportService exports;
    @Autowired
    ReleaseService releases;

    private UUID project;
    private AnnalsPrincipal manager;
    private AnnalsPrincipal viewer;

    /**
     * Pages here wait on background work and push; on a machine shared by many builds the default 5 s
     * can pass before a page loads. A bound on waiting, not a measurement.
     */
    @org.junit.jupiter.api.BeforeAll
    void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @org.junit.jupiter.api.AfterAll
    void usualAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    private void projectWithOneVettedEvent() {
        manager = fixtures.newUser("publisher");
        viewer = fixtures.newUser("reader");
        var editor = fixtures.newUser("writer");
        var reviewer = fixtures.newUser("checker");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var vetted = as(editor, () -> events.proposeCreate(project, EventPayload.of("Fall of Hama",
                PartialDate.parse("2024-12-05"), battles), "Add", true));
        as(reviewer, () -> review.approve(vetted.changesetId(), null));
    }

    private void startPublishing(Page page, String notes) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a release…")).click();
        page.getByLabel("Release notes").fill(notes);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
    }

    @Test
    void a_release_publishes_in_the_background_and_the_page_is_told_when_it_is_done() throws Exception {
        projectWithOneVettedEvent();
        Page page = newPerson();
        signInOverHttp(page, manager.getUsername(), Fixtures.PASSWORD);
        String releasesPage = url("projects/" + project + "/releases");
        page.navigate(releasesPage);
        // The first page of a fresh browser may take a while on a busy machine: wait as long as a click would.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a release…")).waitFor();
        assertThat(page.getByText("No release yet.")).isVisible();

        try (var held = HeldJobs.holdAfterProgress(jobs, ReleaseService.KIND)) {
            startPublishing(page, "First release");
            held.awaitHeld(1);
            // The click came back while the release is still being written: progress, and Cancel.
            var progress = page.locator(".job-progress");
            assertThat(progress).containsText("records");
            assertThat(progress.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Cancel"))).isEnabled();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish a release…")))
                    .isDisabled();
            // The person may go elsewhere and come back: the release is still publishing, and shown.
            page.navigate(url("projects/" + project + "/export"));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare export"))).isVisible();
            page.navigate(releasesPage);
            assertThat(page.locator(".job-progress")).containsText("records");
            assertThat(page.getByText("No release yet.")).isVisible();

            held.letGo();
            // Told by push, without a reload: the notification and the new release in the list.
            assertThat(page.getByText("Release 1 published.")).isVisible();
            assertThat(page.locator(".release h3")).hasText("Release 1");
            assertThat(page.locator(".job-progress")).isHidden();
        }

        try (var held = HeldJobs.holdAfterProgress(jobs, ReleaseService.KIND)) {
            startPublishing(page, "Second thoughts");
            held.awaitHeld(1);
            page.locator(".job-progress").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator
                    .GetByRoleOptions().setName("Cancel")).click();
            assertThat(page.locator(".job-progress")).containsText("Cancelling");
            held.letGo();
            assertThat(page.getByText("Publishing cancelled; nothing was kept.")).isVisible();
        }
        assertThat(page.locator(".release h3")).hasText("Release 1");
        assertThat(as(viewer, () -> releases.list(project))).hasSize(1);
    }

    @Test
    void an_export_asked_for_while_the_server_is_busy_is_told_to_try_again_in_a_moment() throws Exception {
        projectWithOneVettedEvent();
        Page page = newPerson();
        signInOverHttp(page, viewer.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/export"));
        var prepare = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare export"));
        assertThat(prepare).isVisible();

        try (var held = HeldJobs.holdAtStart(jobs, ExportService.KIND)) {
            var others = new ArrayList<Job<ExportFile>>();
            for (int i = 0; i < jobs.limit(); i++) {
                others.add(as(viewer, () -> exports.start(project, ExportFormat.DATASET_JSON, ExportFilter.ALL, false)));
            }
            held.awaitHeld(jobs.limit());
            prepare.click();
            assertThat(page.locator(".export-status")).containsText("try again in a moment");
            assertThat(page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("busy"))).isVisible();
            held.letGo();
            for (Job<ExportFile> other : others) {
                other.await();
                other.discard();
            }
        }
        prepare.click();
        assertThat(page.locator(".export-download")).containsText("Download events.csv");
    }
}
