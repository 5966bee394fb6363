package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventClaim;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Suggestions in a real browser, from ghost mark to vetted annotation: the first part of a sample text with a
 * registry that names its places, three suggestions accepted with the keyboard (a date, which goes to the event
 * the editor has just linked a passage to, and two place names), one rejected (still gone after a reload), the
 * draft submitted and approved. What only the browser shows is checked there (the marks are custom highlights);
 * what was stored is read back through the services.
 */
class SuggestionsJourneyTest extends BrowserTest {

    /** The sample text whose prelude is used: it names Idlib and Aleppo several times and dates March 2020. */
    private static final String SAMPLE = "samples/syria-2024/000_206c697d8936a94d.txt";
    /** The ghost marks' texts, per kind's highlight. */
    private static final String GHOSTS = "kind => [...(CSS.highlights.get('annals-suggest-' + kind) ?? [])].map(r => r.toString())";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    AnnotationService annotations;

    @Test
    void ghost_marks_accepted_with_the_keyboard_become_vetted_annotations_with_their_links_and_values() {
        var editor = fixtures.newUser("sg-editor");
        var reviewer = fixtures.newUser("sg-reviewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        UUID idlib = vetted(editor, reviewer, project, "Idlib");
        UUID aleppo = vetted(editor, reviewer, project, "Aleppo");
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var offensive = as(editor, () -> events.proposeCreate(project, EventPayload.of("Syrian opposition offensive",
                PartialDate.parse("2024-11-27"), battles), "Add the event", true));
        as(reviewer, () -> review.approve(offensive.changesetId(), null));
        UUID source = fixtures.newSource(project, editor, "Syrian Opposition Offensive of 2024", prelude());

        Page page = newPerson();
        signInOverHttp(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/sources/" + source));
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        page.waitForFunction("() => (CSS.highlights.get('annals-suggest-mention')?.size ?? 0) > 0");
        assertThat(ghosts(page, "mention")).contains("Idlib", "Aleppo");
        assertThat(ghosts(page, "date")).contains("March 2020");
        long idlibs = ghosts(page, "mention").stream().filter("Idlib"::equals).count();
        assertThat(idlibs).isGreaterThanOrEqualTo(2);

        // A passage linked to the event by hand: accepted dates go to it from now on, with their values.
        AnnotationJourneyTest.select(page, "launched a series of infiltration and sniper attacks", 0);
        page.locator("annals-text").press("1");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.locator("input[placeholder='Search by words, date, place or actor']").fill("offensive");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Syrian opposition offensive (27 November 2024)"))
                .click();
        AnnotationJourneyTest.save(page);
        assertThat(page.locator(".draft-count")).containsText("1 annotation");
        page.evaluate("() => window.getSelection().removeAllRanges()");

        // Three accepted and one rejected, by keyboard only.
        stepTo(page, "March 2020");
        page.locator("annals-text").press("a");
        assertThat(page.locator(".draft-count")).containsText("2 annotations");
        stepTo(page, "Idlib");
        page.locator("annals-text").press("a");
        assertThat(page.locator(".draft-count")).containsText("3 annotations");
        stepTo(page, "Idlib");
        page.locator("annals-text").press("x");
        page.waitForFunction("n => [...(CSS.highlights.get('annals-suggest-mention') ?? [])]"
                + ".filter(r => r.toString() === 'Idlib').length === n", (int) (idlibs - 2));
        stepTo(page, "Aleppo");
        page.locator("annals-text").press("a");
        assertThat(page.locator(".draft-count")).containsText("4 annotations");

        // The rejected one stays gone after a reload; the accepted ones are annotations now.
        page.reload();
        page.waitForFunction("() => (CSS.highlights.get('annals-suggest-mention')?.size ?? 0) > 0");
        assertThat(ghosts(page, "mention").stream().filter("Idlib"::equals)).hasSize((int) idlibs - 2);
        assertThat(page.locator(".draft-count")).containsText("4 annotations");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review…")).click();
        dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Message for the reviewers").fill("Suggestions in the prelude");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.getByText("Submitted for review.")).isVisible();

        Page reviewerPage = newPerson();
        signInOverHttp(reviewerPage, reviewer.getUsername(), Fixtures.PASSWORD);
        reviewerPage.navigate(url("projects/" + project + "/review"));
        reviewerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(reviewerPage.getByText("Approved and applied.")).isVisible();

        List<EditorAnnotation> vetted = as(reviewer, () -> annotations.editor(project, source)).annotations();
        assertThat(vetted).allMatch(a -> a.state() == EditorAnnotation.State.VETTED).hasSize(4);
        EditorAnnotation date = vetted.stream().filter(a -> a.exact().equals("March 2020")).findFirst().orElseThrow();
        assertThat(date.type()).isEqualTo(AnnotationType.DATE);
        assertThat(date.linkKind()).isEqualTo(EventRecordType.KIND);
        assertThat(date.linkId()).isEqualTo(offensive.eventId());
        assertThat(vetted).filteredOn(a -> a.exact().equals("Idlib")).singleElement()
                .matches(a -> a.type() == AnnotationType.ENTITY_MENTION && EntityRecordType.KIND.equals(a.linkKind())
                        && idlib.equals(a.linkId()));
        assertThat(vetted).filteredOn(a -> a.exact().equals("Aleppo")).singleElement()
                .matches(a -> a.type() == AnnotationType.ENTITY_MENTION && aleppo.equals(a.linkId()));
        // The date's value came with it: a claim of the event, quoting the accepted annotation.
        List<EventClaim> claims = as(reviewer, () -> events.get(project, offensive.eventId())).values().claims();
        assertThat(claims).anyMatch(c -> date.id().equals(c.annotationId()) && c.start() != null
                && c.start().date().getYear() == 2020 && c.start().date().getMonthValue() == 3);
    }

    private UUID vetted(AnnalsPrincipal editor, AnnalsPrincipal reviewer, UUID project, String name) {
        var place = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), "Add", true));
        as(reviewer, () -> review.approve(place.changesetId(), null));
        return place.entityId();
    }

    /** Steps with "." until the current suggestion is on these words (the legend names it). */
    private static void stepTo(Page page, String words) {
        Locator current = page.locator("annals-text .suggest-current");
        for (int i = 0; i < 60; i++) {
            page.locator("annals-text").press(".");
            try {
                assertThat(current).containsText("\u201c" + words + "\u201d",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(500));
                return;
            } catch (AssertionError notYet) {
                // the next one
            }
        }
        throw new AssertionError("No suggestion on \"" + words + "\"; the last was: " + current.textContent());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ghosts(Page page, String kind) {
        return (List<String>) page.evaluate(GHOSTS, kind);
    }

    /** The sample's title and its prelude: the first three lines. */
    private static String[] prelude() {
        try (var in = new ClassPathResource(SAMPLE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(3).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
