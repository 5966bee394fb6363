package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the timeline and the review queue show, in a real browser: sources counted from evidence as well
 * as claims, a claim's source named and linked in review, a blank selection refused with a reason, and
 * the A key asking before it approves.
 */
class ReviewAndTimelineTest extends BrowserTest {

    static final String REPORT = "Hay'at Tahrir al-Sham fighters entered the city of Hama on 5 December.";
    static final String OTHER_REPORT = "Rebels took Hama after the army withdrew.";

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

    UUID project;
    UUID battles;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithATeam() {
        editor = fixtures.newUser("chronicler");
        reviewer = fixtures.newUser("vetter");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
    }

    /** Signs in, waits until the sign-in has landed (so that it is not cut short), then opens the page. */
    private Page signedIn(AnnalsPrincipal who, String path) {
        Page page = newPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/" + path));
        return page;
    }

    private UUID approvedEvent(String title) {
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of(title,
                PartialDate.parse("2024-12-05"), battles), "Add " + title, true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    /** Vetted evidence: a phrase of the source marked, linked to the event, approved. */
    private void evidence(UUID source, String text, String phrase, UUID event) {
        int start = text.indexOf(phrase);
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase,
                AnnotationType.EVENT_MENTION, new LinkChoice.Existing(EventRecordType.KIND, event)));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Evidence: " + phrase));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
    }

    @Test
    void an_event_with_evidence_from_two_sources_and_no_claim_counts_two_sources_on_the_timeline() {
        UUID event = approvedEvent("Rebels take Hama");
        UUID first = fixtures.newSource(project, editor, "First report", REPORT);
        UUID second = fixtures.newSource(project, editor, "Second report", OTHER_REPORT);
        evidence(first, REPORT, "entered the city of Hama", event);
        evidence(second, OTHER_REPORT, "Rebels took Hama", event);

        Page page = signedIn(editor, "timeline");
        page.locator(".timeline-entry").first().waitFor();
        Locator entry = page.locator(".timeline-entry").filter(new Locator.FilterOptions().setHasText("Rebels take Hama"));
        assertThat(entry.locator(".timeline-facts")).containsText("2 sources");
    }

    @Test
    void review_names_and_links_the_source_of_each_fatality_claim() {
        UUID sohr = fixtures.newSource(project, editor, "SOHR daily report", OTHER_REPORT);
        as(editor, () -> events.proposeCreate(project, EventPayload.of("Shelling of Hama", PartialDate.parse("2024-12-04"),
                battles).withCasualties(List.of(EventClaim.killed(40, 60, sohr))), "Shelling with claims", true));

        Page page = signedIn(reviewer, "review");
        Locator diff = page.locator(".changeset-panel .operation");
        diff.first().waitFor();
        assertThat(diff.locator(".diff")).containsText("40–60 killed per “SOHR daily report”");
        Locator link = diff.locator(".cited-sources").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("SOHR daily report"));
        assertThat(link).hasAttribute("href", java.util.regex.Pattern.compile(".*/sources/" + sohr + "$"));
    }

    @Test
    void a_selection_of_only_spaces_is_refused_with_a_reason() {
        UUID source = fixtures.newSource(project, editor, "Report", REPORT);
        Page page = signedIn(editor, "sources/" + source);
        page.locator("annals-text .passage").first().waitFor();

        AnnotationJourneyTest.select(page, " ", 1);
        AnnotationJourneyTest.chooseType(page, "Claim");

        assertThat(page.getByText("The selection holds only spaces or line breaks")).isVisible();
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
        org.assertj.core.api.Assertions.assertThat(as(editor, () -> annotations.editor(project, source)).annotations())
                .isEmpty();
    }

    @Test
    void the_a_key_asks_before_approving_and_enter_approves() {
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of("Hama airport falls",
                PartialDate.parse("2024-12-05"), battles), "Add the airport", true));
        Page page = signedIn(reviewer, "review");
        Locator queue = page.getByLabel("Changesets waiting for review");
        queue.getByText("Add the airport").click();

        page.keyboard().press("a");
        assertThat(page.getByText("Approve this changeset?")).isVisible();
        org.assertj.core.api.Assertions.assertThat(state(proposal.changesetId())).isEqualTo(ChangesetState.SUBMITTED);

        // The dialog moves focus to its Approve button once it has opened; Enter presses that button.
        assertThat(page.getByLabel("Approve this changeset?").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Approve"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Approved and applied.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(state(proposal.changesetId())).isEqualTo(ChangesetState.APPROVED);
    }

    private ChangesetState state(UUID changesetId) {
        return as(editor, () -> changesets.details(changesetId)).summary().state();
    }
}
