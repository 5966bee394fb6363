package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15's journey, as a person does it in Chromium: an editor marks a sentence of one source,
 * creates the event from it with a new place and a new actor made inline (the date and the death toll
 * read from the sentence and only confirmed), takes the same sentence in a second source along in the
 * same step, and submits once; a reviewer approves in one step; the timeline shows the event with two
 * sources and its claim. The journey is counted as {@link Journey} counts it and must stay within the
 * issue's budget of 15 interactions for the editor, one changeset and one review step. The benchmark
 * ({@code org.annals.bench.JourneyBenchmark}) runs the same steps and also reports the wall time.
 */
class OneDraftJourneyTest extends BrowserTest {

    /** The sentence both sources tell word for word (sample corpus 000 and 002). */
    static final String SENTENCE = "On 2 December, Russia again launched airstrikes on opposition-held territory,"
            + " including one on Idlib city that killed 11 civilians.";
    static final String BLOG = "Additionally, Russia launched airstrikes on towns recently captured by rebels in the"
            + " Idlib and Hama regions. This includes one targeting a refugee camp in Idlib city that killed nine"
            + " civilians and injured 62 others, and another airstrike targeting Aleppo university hospital killed"
            + " eight civilians. " + SENTENCE + " Opposition forces then launched a drone strike targeting"
            + " pro-government military leaders near Jabal Zayn al-Abidin just north of Hama, which led to multiple"
            + " deaths and injuries among their ranks.";
    static final String WIKI = SENTENCE + " Opposition forces then launched a drone strike targeting pro-government"
            + " military leaders near Jabal Zayn al-Abidin just north of Hama, which led to multiple deaths and"
            + " injuries among their ranks. In the evening, the Russian forces carried out massive airstrikes against"
            + " opposition forces, the heaviest clashes since the start of the offensive.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ChangesetService changesets;
    @Autowired
    JdbcTemplate jdbc;

    /** What the journey cost, for the benchmark's report. */
    record Cost(int editorInteractions, int editorTyped, int reviewerInteractions, long changesets) {
    }

    @Test
    void one_sourced_event_with_two_new_entities_in_one_draft_and_one_review() {
        Cost cost = journey(this, fixtures, taxonomy, jdbc);
        org.assertj.core.api.Assertions.assertThat(cost.editorInteractions()).isLessThanOrEqualTo(15);
        org.assertj.core.api.Assertions.assertThat(cost.changesets()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(cost.reviewerInteractions()).isEqualTo(2);
    }

    /** The journey itself, shared with the benchmark. */
    static Cost journey(BrowserTest browser, Fixtures fixtures, TaxonomyService taxonomy, JdbcTemplate jdbc) {
        AnnalsPrincipal editor = fixtures.newUser("curator");
        AnnalsPrincipal reviewer = fixtures.newUser("vetter");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID blog = fixtures.newSource(project, editor, "Syrian opposition offensive of 2024 (blog)",
                LocalDate.of(2024, 12, 10), BLOG);
        fixtures.newSource(project, editor, "Northwestern Syria offensive (2024)", LocalDate.of(2024, 12, 12), WIKI);
        String battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().name();

        Page page = browser.newPerson();
        browser.signIn(page, editor.getUsername(), Fixtures.PASSWORD);
        page.waitForURL(java.util.regex.Pattern.compile(".*/$"));
        var curator = new Journey(page);
        curator.open(browser.url("projects/" + project + "/sources/" + blog));
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));

        // Mark the sentence as an event mention: the dialog offers the same words in the other source, ticked.
        curator.select(SENTENCE, 0);
        curator.click(page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Annotate selection"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Event mention")));
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Annotate"));
        assertThat(dialog.getByText("Northwestern Syria offensive (2024)").first()).isVisible();
        screenshot(page, "annotate-same-words");
        curator.click(dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New event")));

        // The full event form, pre-filled from the sentence: the date (the year from the published date)
        // and the death toll, each shown with the words it came from.
        Locator form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New event from the selection"));
        assertThat(form.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true))).hasValue("2024-12-02");
        assertThat(form.getByLabel("Figure", new Locator.GetByLabelOptions().setExact(true))).hasValue("11");
        curator.type(form.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)),
                "Russian airstrike on Idlib city");
        curator.click(form.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)));
        curator.click(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(battles).setExact(true)));

        // A place and an actor the registry does not have yet, created inline.
        Locator place = form.getByLabel("Place", new Locator.GetByLabelOptions().setExact(true));
        curator.typeKeys(place, "Idlib");
        curator.click(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Create “Idlib” as a new place…")));
        Locator newPlace = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New place"));
        curator.click(newPlace.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")));
        assertThat(place).hasValue("Idlib (new)");
        Locator actors = form.getByLabel("Primary actors", new Locator.GetByLabelOptions().setExact(true));
        curator.typeKeys(actors, "Russia");
        curator.click(page.getByRole(AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("Create “Russia” as a new person or group…")));
        Locator newActor = page.getByRole(AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("New organisation or armed group"));
        curator.click(newActor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")));
        assertThat(newActor).isHidden();

        screenshot(page, "event-from-selection");
        // One submission: the draft holds the place, the actor, the event and both passages.
        curator.click(form.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Save and submit for review")));
        assertThat(form).isHidden();
        assertThat(page.getByText("Submitted for review.")).isVisible();
        long opened = jdbc.queryForObject("select count(*) from changeset where project_id = ?", Long.class, project);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from change_operation o"
                + " join changeset c on c.id = o.changeset_id where c.project_id = ? and o.record_kind = ?", Long.class,
                project, AnnotationRecordType.KIND)).isEqualTo(2);

        // One review step.
        Page review = browser.newPerson();
        browser.signIn(review, reviewer.getUsername(), Fixtures.PASSWORD);
        review.waitForURL(java.util.regex.Pattern.compile(".*/$"));
        var vetter = new Journey(review);
        vetter.open(browser.url("projects/" + project + "/review"));
        vetter.click(review.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)));
        assertThat(review.getByText("Approved and applied.")).isVisible();
        screenshot(review, "review-approved");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForList("select state from changeset where project_id = ?",
                String.class, project)).containsOnly(ChangesetState.APPROVED.name());

        // The timeline: the event with its place, its actor, the claim and both sources.
        page.navigate(browser.url("projects/" + project + "/timeline"));
        Locator entry = page.locator(".timeline-entry", new Page.LocatorOptions().setHasText("Russian airstrike on Idlib city"));
        assertThat(entry).containsText("Idlib");
        assertThat(entry).containsText("Russia");
        assertThat(entry).containsText("11 dead");
        assertThat(entry).containsText("2 sources");
        screenshot(page, "timeline-two-sources");
        return new Cost(curator.interactions(), curator.typedCharacters(), vetter.interactions(), opened);
    }

    /**
     * With {@code -Dannals.screenshots=docs/images}, the journey saves the user guide's pictures of
     * the annotating chapter as it goes; without it, nothing.
     */
    private static void screenshot(Page page, String name) {
        String folder = System.getProperty("annals.screenshots");
        if (folder != null) {
            page.waitForTimeout(400); // let open dialogs finish their opening animation
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(folder, name + ".png")));
        }
    }
}
