package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.event.EventPayload;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportProgress;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A disagreement of the sample corpus, in a real browser: the airstrike on Aleppo University Hospital is told among
 * the events of 30 November 2024 by the blog summary (corpus 000) and dated 1 December by the Battle of Aleppo
 * article (corpus 001). An editor records both dates with their quotes, a reviewer approves, then picks the
 * preferred one (approved by a second reviewer), and the timeline and the event page show both with their sources.
 */
class SourcesDisagreeJourneyTest extends BrowserTest {

    /** Corpus 000, section IV: the strike among the events of the evening of 30 November. */
    static final String BLOG = "On the evening of 30 November 2024, HTS-led opposition forces rapidly advanced in the"
            + " Hama Governorate, capturing dozens of towns and villages in the countryside by 7 in the evening (Local"
            + " Syrian time, UTC+3:00). Additionally, Russia launched airstrikes on towns recently captured by rebels in"
            + " the Idlib and Hama regions. This includes one targeting a refugee camp in Idlib city that killed nine"
            + " civilians and injured 62 others, and another airstrike targeting Aleppo university hospital killed"
            + " eight civilians.";
    /** Corpus 001: the same strike on 1 December. */
    static final String ALEPPO = "Also on 1 December, the Russian Air Force conducted an airstrike on the Aleppo"
            + " University Hospital, killing 12 people, injuring two journalists. [55]";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ReviewService review;
    @Autowired
    ChangesetService changesets;

    @Autowired
    org.annals.export.ExportService exports;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;

    private UUID vettedQuote(UUID source, String text, String words) {
        int start = text.indexOf(words);
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + words.length(), words,
                AnnotationType.DATE, new LinkChoice.None()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Quote: " + words));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        return marked.annotationId();
    }

    private Page signedIn(AnnalsPrincipal who, String path) {
        Page page = newPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/" + path));
        return page;
    }

    /** Fills one claim row of the event form: the date, the source it is according to, and the quote. */
    private static void dateClaim(Page page, Locator row, String date, String source, String quote) {
        row.getByLabel("Date per the source").fill(date);
        Locator according = row.getByLabel("According to");
        according.click();
        according.pressSequentially(source.substring(0, 8));
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(source)).click();
        Locator quoted = row.getByLabel("Quote (optional)");
        assertThat(quoted).isEnabled();
        quoted.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("“" + quote + "”")).click();
    }

    @Test
    void both_dates_are_recorded_with_their_quotes_reviewed_preferred_and_shown_with_their_sources() {
        editor = fixtures.newUser("disagree-editor");
        reviewer = fixtures.newUser("disagree-reviewer");
        var lead = fixtures.newUser("disagree-lead");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, lead, ProjectRole.REVIEWER);
        UUID blog = fixtures.newSource(project, editor, "Syrian Opposition Offensive of 2024", BLOG);
        UUID aleppo = fixtures.newSource(project, editor, "Battle of Aleppo (2024)", ALEPPO);
        vettedQuote(blog, BLOG, "On the evening of 30 November 2024");
        vettedQuote(aleppo, ALEPPO, "Also on 1 December");
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var created = as(editor, () -> events.proposeCreate(project, EventPayload.of("Airstrike on Aleppo University"
                + " Hospital", PartialDate.parse("2024-11-30"), battles), "Add the strike", true));
        as(reviewer, () -> review.approve(created.changesetId(), null));
        UUID strike = created.eventId();

        // The editor records what each source says, with its quote.
        Page editorPage = signedIn(editor, "events/" + strike);
        editorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose changes")).click();
        Locator form = editorPage.getByRole(AriaRole.DIALOG);
        Locator addDate = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a date claim"));
        addDate.click();
        addDate.click();
        dateClaim(editorPage, form.locator(".claim-row").nth(0), "30 November 2024",
                "Syrian Opposition Offensive of 2024", "On the evening of 30 November 2024");
        dateClaim(editorPage, form.locator(".claim-row").nth(1), "1 December 2024", "Battle of Aleppo (2024)",
                "Also on 1 December");
        form.getByLabel("Message for the reviewers").fill("The sources date the strike differently");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(editorPage.getByText("Submitted for review.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        // The reviewer sees who says what, approves, then prefers the dated report.
        Page reviewerPage = signedIn(reviewer, "review");
        Locator diff = reviewerPage.locator(".changeset-panel .operation");
        assertThat(diff.locator(".diff")).containsText("1 December 2024 per “Battle of Aleppo (2024)”, quoted");
        reviewerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(reviewerPage.getByText("Approved and applied.")).isVisible();

        reviewerPage.navigate(url("projects/" + project + "/events/" + strike));
        assertThat(reviewerPage.locator(".field-claims[data-field=DATE] .disagree-badge"))
                .hasText("date disputed: 30 November 2024 or 1 December 2024");
        Locator dated = reviewerPage.locator(".claim").filter(new Locator.FilterOptions().setHasText("1 December 2024"));
        dated.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Prefer this claim")).click();
        reviewerPage.getByLabel("Reason (optional)").fill("the article dates it; the summary only lists it");
        reviewerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose for review")).click();
        assertThat(reviewerPage.getByText("Proposed: it is the preferred claim")).isVisible();
        // Nobody approves their own change here: a second reviewer does.
        var preference = as(reviewer, () -> changesets.mine(project, 5)).getFirst();
        as(lead, () -> review.approve(preference.id(), null));

        // The timeline marks the event and says on what; "contested only" keeps it, in the address too.
        editorPage.navigate(url("projects/" + project + "/timeline"));
        Locator entry = editorPage.locator(".timeline-entry")
                .filter(new Locator.FilterOptions().setHasText("Airstrike on Aleppo University Hospital"));
        assertThat(entry.locator(".dispute-text")).hasText("date disputed: 1 December 2024 or 30 November 2024");
        assertThat(entry.locator(".timeline-facts")).containsText("2 sources");
        editorPage.getByText("Contested only").click();
        assertThat(editorPage).hasURL(Pattern.compile(".*/timeline\\?contested=yes$"));
        assertThat(editorPage.getByText("1 event", new Page.GetByTextOptions().setExact(true))).isVisible();

        // The event page: both claims with their sources, the quoted one linked to its quote, the preferred one and why.
        entry.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Airstrike on Aleppo University Hospital"))
                .click();
        Locator claims = editorPage.locator(".field-claims[data-field=DATE] .claim");
        assertThat(claims).hasCount(2);
        assertThat(claims.nth(0)).containsText("1 December 2024 · per Battle of Aleppo (2024)");
        assertThat(claims.nth(0).locator(".preferred-badge"))
                .hasText("preferred: the article dates it; the summary only lists it");
        // each source opens at the words of its quote, which the page shows
        int quoted = ALEPPO.indexOf("Also on 1 December");
        assertThat(claims.nth(0)).containsText("“Also on 1 December”");
        assertThat(claims.nth(0).getByRole(AriaRole.LINK)).hasAttribute("href",
                Pattern.compile(".*/sources/" + aleppo + "\\?at=" + quoted + "-" + (quoted + 18) + "$"));
        assertThat(claims.nth(1)).containsText("30 November 2024 · per Syrian Opposition Offensive of 2024"
                + " “On the evening of 30 November 2024”");
        assertThat(claims.nth(1).getByRole(AriaRole.LINK)).hasAttribute("href",
                Pattern.compile(".*/sources/" + blog + "\\?at=0-34$"));
        claims.nth(0).getByRole(AriaRole.LINK).click();
        assertThat(editorPage).hasURL(Pattern.compile(".*/sources/" + aleppo + ".*"));
        assertThat(editorPage.locator("annals-text")).containsText("Also on 1 December");

        // Every export of what the browser recorded holds both claims with their sources.
        var dateClaims = as(editor, () -> events.get(project, strike)).values().claims().stream()
                .filter(c -> c.field() == org.annals.event.ClaimField.DATE).toList();
        org.assertj.core.api.Assertions.assertThat(dateClaims).hasSize(2);
        for (ExportFormat format : ExportFormat.values()) {
            if (format == ExportFormat.ENTITIES_CSV) {
                continue; // entities hold no claims
            }
            var out = new java.io.ByteArrayOutputStream();
            as(editor, () -> {
                try {
                    exports.export(project, format, ExportFilter.ALL, false, out, ExportProgress.NONE);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            var exported = org.assertj.core.api.Assertions.assertThat(text).as(format.fileName());
            switch (format) {
                case EVENTS_CSV -> exported.contains("2024-12-01").contains("2024-11-30 (Syrian Opposition Offensive"
                        + " of 2024)");
                case CLAIMS_CSV, DATASET_JSON, DATASET_JSONL, ANNOTATIONS_CSV -> dateClaims.forEach(c -> exported
                        .contains(c.id().toString()).contains(c.sourceId().toString()));
                case ANNOTATIONS_JSONLD -> dateClaims.forEach(c -> exported.contains("urn:uuid:" + c.id()));
                case TIMELINE_JSON -> exported.contains("date disputed: 1 December 2024").contains("30 November 2024")
                        .contains("Syrian Opposition Offensive of 2024");
                case EVENTS_GEOJSON -> exported.contains("\"start\":\"2024-12-01\"");
                case ENTITIES_CSV -> throw new AssertionError("skipped above");
            }
        }
    }
}
