package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.UUID;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A viewer exports the vetted events as CSV from the export page and gets exactly them. */
class ExportJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;

    @Test
    void a_viewer_prepares_and_downloads_the_events_csv() throws Exception {
        var editor = fixtures.newUser("writer");
        var reviewer = fixtures.newUser("checker");
        var viewer = fixtures.newUser("reader");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var vetted = as(editor, () -> events.proposeCreate(project, EventPayload.of("=Fall of Hama",
                PartialDate.parse("2024-12-05"), battles), "Add", true));
        as(reviewer, () -> review.approve(vetted.changesetId(), null));
        as(editor, () -> events.proposeCreate(project, EventPayload.of("Pending clash", PartialDate.parse("2024-12-06"),
                battles), "Pending", true));

        Page page = newPerson();
        signInOverHttp(page, viewer.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/export"));
        page.getByText("events.csv · Events (CSV, ACLED-like columns)").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prepare export")).click();
        var link = page.locator(".export-download");
        assertThat(link).containsText("Download events.csv");
        Download download = page.waitForDownload(link::click);
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("event_id,title,event_date,date_precision");
        assertThat(csv).contains(vetted.eventId() + ",'=Fall of Hama,2024-12-05,day,,Battles")
                .doesNotContain("Pending clash");
        assertThat(csv.lines().count()).isEqualTo(2);
    }
}
