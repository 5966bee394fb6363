package org.annals.event.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.event.EventClaim;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Claims where a person sees them, without a browser: the event page lists each field's claims with their sources
 * (linked to the quote), flags the dispute and lets an editor propose a preferred claim through review; the
 * timeline says what is disputed and filters contested events from its address.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class EventClaimsViewTest extends SignedInBrowserlessTest {

    /** Sample corpus 000: the hospital strike told among the events of 30 November. */
    static final String BLOG = "On the evening of 30 November 2024, HTS-led opposition forces rapidly advanced in the"
            + " Hama Governorate. Another airstrike targeting Aleppo university hospital killed eight civilians.";
    /** Sample corpus 001: the same strike dated 1 December, with another toll. */
    static final String ALEPPO = "Also on 1 December, the Russian Air Force conducted an airstrike on the Aleppo"
            + " University Hospital, killing 12 people, injuring two journalists.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    ChangesetService changesets;
    @Autowired
    AnnotationService annotations;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID blog;
    UUID aleppo;
    UUID strike;
    UUID quoteOfAleppo;


    private UUID vettedQuote(UUID source, String text, String words) {
        int start = text.indexOf(words);
        var marked = as(editor, () -> annotations.annotate(project, source, start, start + words.length(), words,
                AnnotationType.DATE, new LinkChoice.None()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Quote: " + words));
        as(reviewer, () -> review.approve(marked.changesetId(), null));
        return marked.annotationId();
    }

    /** The strike, dated 30 November (per the blog) and 1 December (per the Aleppo article, quoted), both vetted. */
    @BeforeEach
    void anEventWhoseSourcesDisagreeOnTheDate() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("claims-editor");
        reviewer = fixtures.newUser("claims-reviewer");
        viewer = fixtures.newUser("claims-viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        blog = fixtures.newSource(project, editor, "Syrian Opposition Offensive of 2024", BLOG);
        aleppo = fixtures.newSource(project, editor, "Battle of Aleppo (2024)", ALEPPO);
        quoteOfAleppo = vettedQuote(aleppo, ALEPPO, "Also on 1 December");
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var created = as(editor, () -> events.proposeCreate(project, EventPayload.of("Airstrike on Aleppo University"
                + " Hospital", PartialDate.parse("2024-11-30"), battles).withClaims(List.of(
                        EventClaim.date(null, PartialDate.parse("2024-11-30"), null, blog, null),
                        EventClaim.date(null, PartialDate.parse("2024-12-01"), null, aleppo, quoteOfAleppo))),
                "Add the strike", true));
        as(reviewer, () -> review.approve(created.changesetId(), null));
        strike = created.eventId();
        var quiet = as(editor, () -> events.proposeCreate(project, EventPayload.of("Refugee camp strike",
                PartialDate.parse("2024-11-30"), battles), "Add the camp", true));
        as(reviewer, () -> review.approve(quiet.changesetId(), null));
    }

    private List<String> texts(Class<? extends Component> type, String className) {
        return find(type).withClassName(className).all().stream().map(c -> c.getElement().getTextRecursively()).toList();
    }

    @Test
    void the_event_page_shows_both_claims_with_their_sources_and_a_preference_goes_through_review() {
        signIn(editor);
        navigate("projects/" + project + "/events/" + strike, Component.class);

        assertThat(texts(Span.class, "disagree-badge")).containsExactly("date disputed: 30 November 2024 or 1 December"
                + " 2024");
        assertThat(texts(Span.class, "fact-disputed")).containsExactly(" (preferred; sources disagree)");
        List<String> claims = texts(Div.class, "claim");
        assertThat(claims).hasSize(2);
        assertThat(claims.get(0)).startsWith("30 November 2024 · per Syrian Opposition Offensive of 2024")
                .contains("preferred");
        assertThat(claims.get(1)).startsWith("1 December 2024 · per Battle of Aleppo (2024) “Also on 1 December”")
                .doesNotContain("preferred");
        // The quoted claim's source opens at its quote (marked there); the other at the source.
        var links = find(Anchor.class).withClassName("claim-source").all();
        assertThat(links).extracting(Anchor::getHref).containsExactly(
                "projects/" + project + "/sources/" + blog,
                "projects/" + project + "/sources/" + aleppo + "?at=0-18");

        test(find(Button.class).withText("Prefer this claim").single()).click();
        test(find(TextArea.class).withCaption("Reason (optional)").single()).setValue("dated by the later report");
        test(find(Button.class).withText("Propose for review").single()).click();

        var proposed = as(editor, () -> changesets.mine(project, 10)).getFirst();
        assertThat(proposed.message()).isEqualTo("Prefer the claim of “Battle of Aleppo (2024)” for the date of Airstrike"
                + " on Aleppo University Hospital");
        // The review diff says who says what, and which is preferred and why.
        var dateClaims = as(reviewer, () -> changesets.details(proposed.id())).operations().getFirst().fields().stream()
                .filter(f -> f.field().equals("Date claims")).findFirst().orElseThrow();
        assertThat(dateClaims.before()).isEqualTo("30 November 2024 per “Syrian Opposition Offensive of 2024” (preferred);"
                + " 1 December 2024 per “Battle of Aleppo (2024)”, quoted");
        assertThat(dateClaims.after()).isEqualTo("1 December 2024 per “Battle of Aleppo (2024)”, quoted (preferred:"
                + " dated by the later report); 30 November 2024 per “Syrian Opposition Offensive of 2024”");
        as(reviewer, () -> review.approve(proposed.id(), null));

        var now = as(viewer, () -> events.get(project, strike));
        assertThat(now.start()).isEqualTo(PartialDate.parse("2024-12-01"));
        assertThat(now.disputeText()).isEqualTo("date disputed: 1 December 2024 or 30 November 2024");
        assertThat(now.sourceCount()).isEqualTo(2);
    }

    @Test
    void a_viewer_sees_the_claims_but_is_not_offered_to_prefer_one() {
        signIn(viewer);
        navigate("projects/" + project + "/events/" + strike, Component.class);

        assertThat(texts(Div.class, "claim")).hasSize(2);
        assertThat(find(Button.class).withText("Prefer this claim").all()).isEmpty();
    }

    @Test
    void the_timeline_says_what_is_disputed_and_its_address_filters_contested_events() {
        signIn(viewer);
        navigate("projects/" + project + "/timeline", Component.class);
        assertThat(texts(Div.class, "timeline-entry")).hasSize(2);
        assertThat(texts(Div.class, "dispute-text")).containsExactly("date disputed: 30 November 2024 or 1 December"
                + " 2024");

        com.vaadin.flow.component.UI.getCurrent().navigate("projects/" + project + "/timeline",
                com.vaadin.flow.router.QueryParameters.fromString("contested=yes"));
        assertThat(texts(Div.class, "timeline-entry")).singleElement().asString()
                .startsWith("Airstrike on Aleppo University Hospital");
        assertThat(find(com.vaadin.flow.component.checkbox.Checkbox.class).withCaption("Contested only").single()
                .getValue()).isTrue();
    }

    @Test
    void editing_the_event_keeps_each_claims_id_quote_and_preference_and_bad_input_is_said_next_to_its_claim() {
        var before = as(editor, () -> events.get(project, strike));
        signIn(editor);
        navigate("projects/" + project + "/events/" + strike, Component.class);
        test(find(Button.class).withText("Propose changes").single()).click();

        // The two sourced dates are rows, with their sources and the quote chosen; the date field is the preferred one.
        var notes = find(com.vaadin.flow.component.textfield.TextField.class).withCaption("Note").all();
        assertThat(notes).hasSize(2);
        @SuppressWarnings("unchecked")
        var quotes = find(com.vaadin.flow.component.combobox.ComboBox.class).withCaption("Quote (optional)").all();
        assertThat(quotes).extracting(q -> q.getValue() == null ? null
                : ((org.annals.annotation.EditorAnnotation) q.getValue()).id()).containsExactly(null, quoteOfAleppo);

        // A figure that is no range: said next to it and under the form; nothing is proposed, nothing is lost.
        int proposals = as(editor, () -> changesets.mine(project, 100)).size();
        test(find(Button.class).withText("Add a casualty figure").single()).click();
        test(find(com.vaadin.flow.component.textfield.TextField.class).withCaption("Figure").single()).setValue("60-40");
        test(find(Button.class).withText("Submit for review").single()).click();
        assertThat(texts(Div.class, "form-error")).filteredOn(t -> !t.isBlank()).hasSize(2)
                .allSatisfy(t -> assertThat(t).contains("60–40 is inverted"));
        assertThat(as(editor, () -> changesets.mine(project, 100))).hasSize(proposals);

        test(find(com.vaadin.flow.component.textfield.TextField.class).withCaption("Figure").single()).setValue("8");
        test(find(com.vaadin.flow.component.select.Select.class).withCaption("Among").single())
                .selectItem("civilians");
        test(notes.get(1)).setValue("the article's date");
        test(find(Button.class).withText("Submit for review").single()).click();
        var proposed = as(editor, () -> changesets.mine(project, 10)).getFirst();
        as(reviewer, () -> review.approve(proposed.id(), null));

        var after = as(editor, () -> events.get(project, strike));
        assertThat(after.values().claims()).filteredOn(c -> c.field() == org.annals.event.ClaimField.DATE)
                .containsExactly(before.values().claims().get(0), before.values().claims().get(1)
                        .noted("the article's date"));
        assertThat(after.values().casualties()).singleElement().satisfies(c -> assertThat(c.casualties().display())
                .isEqualTo("8 civilians killed"));
    }
}
