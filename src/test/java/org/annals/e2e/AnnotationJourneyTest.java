package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.EditorAnnotation;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The annotation editor in a real browser: marking with the mouse and the keyboard, linking to new and
 * existing records, overlapping spans, review, evidence, right-to-left text and emoji, and work that
 * survives a reload, a lost connection and an expired session.
 */
class AnnotationJourneyTest extends BrowserTest {

    static final String FIRST = "Hay'at Tahrir al-Sham fighters 🚀 entered the city of Aleppo on 30 November.";
    static final String ARABIC = "دخلت قوات المعارضة مدينة حلب 🇸🇾 في ٣٠ نوفمبر.";
    static final String THIRD = "The army withdrew from Hama; at least 12 people were killed.";

    /** Selects the n-th occurrence of a phrase in the text the way a person's selection would: as a DOM range. */
    static final String SELECT_PHRASE = """
            ([phrase, occurrence]) => {
              const root = document.querySelector('annals-text');
              const walker = document.createTreeWalker(root.querySelector('.passage').parentElement, NodeFilter.SHOW_TEXT);
              const nodes = []; let all = '';
              for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
              let at = -1;
              for (let i = 0; i <= occurrence; i++) { at = all.indexOf(phrase, at + 1); }
              const point = (offset, isEnd) => {
                for (const [n, base] of nodes) {
                  if (offset < base + n.data.length || (isEnd && offset === base + n.data.length)) return [n, offset - base];
                }
              };
              const range = document.createRange();
              range.setStart(...point(at, false));
              range.setEnd(...point(at + phrase.length, true));
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              document.dispatchEvent(new Event('selectionchange'));
              const r = range.getClientRects();
              return { x1: r[0].left, y1: r[0].top + r[0].height / 2, x2: r[r.length - 1].right,
                       y2: r[r.length - 1].top + r[r.length - 1].height / 2 };
            }""";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SourceService sources;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;

    UUID project;
    UUID source;
    UUID aleppoEvent;
    String text;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithSourceAndEvent() {
        editor = fixtures.newUser("marker");
        reviewer = fixtures.newUser("vetter");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        source = fixtures.newSource(project, editor, "Offensive report", FIRST, ARABIC, THIRD);
        text = as(editor, () -> sources.read(project, source)).text();
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles), "Add the event", true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        aleppoEvent = proposal.eventId();
    }

    private Page openSource(AnnalsPrincipal who) {
        Page page = newPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/sources/" + source));
        // The first page of a fresh server may take a while on a busy machine.
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        return page;
    }

    static Map<String, Double> select(Page page, String phrase, int occurrence) {
        @SuppressWarnings("unchecked")
        var rect = (Map<String, Number>) page.evaluate(SELECT_PHRASE, List.of(phrase, occurrence));
        return Map.of("x1", rect.get("x1").doubleValue(), "y1", rect.get("y1").doubleValue(),
                "x2", rect.get("x2").doubleValue(), "y2", rect.get("y2").doubleValue());
    }

    static void chooseType(Page page, String type) {
        page.getByRole(AriaRole.TOOLBAR, new Page.GetByRoleOptions().setName("Annotate selection"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(type)).click();
    }

    /** Saves the link dialog and waits until it is gone and has given focus back (which moves the selection). */
    static void save(Page page) {
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to draft")).click();
        assertThat(dialog).isHidden();
        page.waitForFunction("() => !document.querySelector('vaadin-dialog-overlay[opened]')"
                + " && document.activeElement && !document.activeElement.closest('vaadin-dialog-overlay')");
        page.waitForTimeout(300);
    }

    static void chooseOption(Page page, Locator dialog, String label, String option) {
        dialog.getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    private EditorAnnotation stored(AnnalsPrincipal who, String exact) {
        return as(who, () -> annotations.editor(project, source)).annotations().stream()
                .filter(a -> a.exact().equals(exact)).findFirst().orElseThrow();
    }

    /** Waits until the segments of one annotation show exactly this text: what the reader sees highlighted. */
    private static void assertHighlighted(Page page, String key, String expected) {
        page.waitForFunction("([key, expected]) => [...document.querySelectorAll('annals-text [data-ids]')]"
                + ".filter(s => s.dataset.ids.split(' ').includes(key)).map(s => s.textContent).join('') === expected",
                List.of(key, expected));
    }

    @Test
    void mark_link_overlap_submit_approve_and_see_it_vetted_with_evidence() {
        Page page = openSource(editor);

        // 1. A phrase selected with the mouse, linked to a new entity.
        var rect = select(page, "Hay'at Tahrir al-Sham", 0);
        page.evaluate("() => window.getSelection().removeAllRanges()");
        page.mouse().move(rect.get("x1") + 1, rect.get("y1"));
        page.mouse().down();
        page.mouse().move(rect.get("x2") - 1, rect.get("y2"), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        chooseType(page, "Entity mention");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New entity")).check();
        chooseOption(page, dialog, "Kind", "Organisation or armed group");
        assertThat(dialog.getByLabel("Name")).hasValue("Hay'at Tahrir al-Sham");
        save(page);
        // The draft bar counts what the server saved: read the store once it says so.
        assertThat(page.locator(".draft-count")).containsText("1 annotation");
        EditorAnnotation hts = stored(editor, "Hay'at Tahrir al-Sham");
        assertHighlighted(page, hts.key(), "Hay'at Tahrir al-Sham");

        // 2. A second phrase (after an emoji) by keyboard shortcut, linked to an existing event.
        select(page, "entered the city of Aleppo", 0);
        page.locator("annals-text").press("1");
        dialog = page.getByRole(AriaRole.DIALOG);
        dialog.locator("input[placeholder='Search by words, date, place or actor']").fill("Aleppo");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Rebels enter Aleppo (30 November 2024)"))
                .click();
        save(page);
        assertThat(page.locator(".draft-count")).containsText("2 annotations");
        EditorAnnotation entered = stored(editor, "entered the city of Aleppo");
        assertThat(text.substring(entered.start(), entered.end())).isEqualTo(entered.exact());
        assertThat(entered.prefix()).endsWith("🚀 ");

        // 3. An overlapping span inside it: "Aleppo" as a place.
        select(page, "Aleppo", 0);
        chooseType(page, "Entity mention");
        dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New entity")).check();
        chooseOption(page, dialog, "Kind", "Place");
        save(page);
        assertThat(page.locator(".draft-count")).containsText("3 annotations");
        EditorAnnotation aleppo = stored(editor, "Aleppo");
        assertHighlighted(page, entered.key(), "entered the city of Aleppo");
        assertHighlighted(page, aleppo.key(), "Aleppo");

        // Each of the overlapping annotations can be clicked: the outer one where it is alone, the inner one
        // (then the outer one again) where they overlap.
        page.locator("annals-text [data-ids='" + entered.key() + "']").first().click();
        assertThat(page.locator(".annotation-detail")).containsText("Event mention");
        page.locator("annals-text [data-ids~='" + aleppo.key() + "']").first().click();
        assertThat(page.locator(".annotation-detail-heading")).containsText("Entity mention");
        page.locator("annals-text [data-ids~='" + aleppo.key() + "']").first().click();
        assertThat(page.locator(".annotation-detail-heading")).containsText("Event mention");
        assertThat(page.locator(".annotation-detail")).containsText("Event: Rebels enter Aleppo");

        // Clicking in the panel scrolls to and marks the annotation in the text.
        page.locator(".annotation-item[data-key='" + hts.key() + "']").click();
        assertThat(page.locator("annals-text .current").first()).containsText("Hay'at Tahrir al-Sham");

        // Drafts survive a reload.
        page.reload();
        assertThat(page.locator(".draft-count")).containsText("3 annotations");
        assertThat(page.locator("annals-text [data-ids]")).not().hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review…")).click();
        dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Message for the reviewers").fill("HTS enters Aleppo");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
        assertThat(page.getByText("Submitted for review.")).isVisible();
        assertThat(page.locator(".annotation-item[data-key='" + hts.key() + "'] .annotation-state"))
                .hasText("pending review");

        // The reviewer sees the quote in context and the linked record, and approves.
        Page reviewerPage = newPerson();
        signInOverHttp(reviewerPage, reviewer.getUsername(), Fixtures.PASSWORD);
        reviewerPage.navigate(url("projects/" + project + "/review"));
        Locator quotes = reviewerPage.locator(".diff", new Page.LocatorOptions().setHasText("Quote in context"));
        assertThat(quotes).hasCount(3);
        assertThat(quotes.first()).containsText("«Hay'at Tahrir al-Sham» fighters");
        assertThat(quotes.nth(1)).containsText("Event: Rebels enter Aleppo");
        reviewerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(reviewerPage.getByText("Approved and applied.")).isVisible();

        page.reload();
        assertThat(page.locator(".annotation-item[data-key='" + hts.key() + "'] .annotation-state")).hasText("vetted");
        assertThat(page.locator("annals-text [data-ids='" + hts.key() + "']").first())
                .hasAttribute("data-states", "vetted");

        // Evidence both ways: the event lists the passage, and its link opens the source scrolled to it.
        page.navigate(url("projects/" + project + "/events/" + aleppoEvent));
        Locator evidence = page.locator(".evidence-item");
        assertThat(evidence).hasCount(1);
        assertThat(evidence).containsText("entered the city of Aleppo");
        evidence.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Offensive report")).click();
        assertThat(page.locator("annals-text .current").first()).isInViewport();
        assertThat(page.locator(".annotation-detail")).containsText("Event mention");
    }

    @Test
    void offsets_inside_arabic_text_and_after_emoji_match_the_stored_quote() {
        Page page = openSource(editor);
        select(page, "حلب", 0);
        chooseType(page, "Date");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Claim (5)")).click();
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No link yet")).check();
        save(page);

        select(page, "في ٣٠ نوفمبر", 0);
        chooseType(page, "Date");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No link yet"))
                .check();
        save(page);

        for (String exact : List.of("حلب", "في ٣٠ نوفمبر")) {
            EditorAnnotation a = stored(editor, exact);
            assertThat(text.substring(a.start(), a.end())).isEqualTo(exact);
            assertThat(a.start()).isEqualTo(text.indexOf(exact));
            assertHighlighted(page, a.key(), exact);
        }
        assertThat(stored(editor, "في ٣٠ نوفمبر").prefix()).contains("🇸🇾");
    }

    @Test
    void a_selection_across_two_passages_is_refused_with_the_reason() {
        Page page = openSource(editor);
        page.evaluate("""
                () => {
                  const passages = document.querySelectorAll('annals-text .passage');
                  const range = document.createRange();
                  range.setStart(passages[0].lastChild.firstChild, 3);
                  range.setEnd(passages[1].firstChild.firstChild, 4);
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  document.dispatchEvent(new Event('selectionchange'));
                }""");
        chooseType(page, "Claim");
        assertThat(page.getByText("crosses a passage boundary")).isVisible();
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
        assertThat(as(editor, () -> annotations.editor(project, source)).annotations()).isEmpty();
    }

    @Test
    void what_is_typed_survives_a_reload_an_expired_session_and_a_lost_connection() {
        Page page = openSource(editor);
        select(page, "The army", 0);
        chooseType(page, "Entity mention");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New entity")).check();
        dialog.getByLabel("Name").fill("Syrian Arab Army");

        // A reload before saving: the dialog comes back with what was typed.
        page.reload();
        dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByLabel("Name")).hasValue("Syrian Arab Army");
        assertThat(page.getByText("Your unsaved annotation was kept in this browser")).isVisible();

        // The session expires (its cookie is gone): sign in again, open the source, nothing is lost.
        page.context().clearCookies();
        page.reload();
        signIn(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/sources/" + source));
        dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByLabel("Name")).hasValue("Syrian Arab Army");

        // The connection drops while saving: the save goes through once it is back.
        chooseOption(page, dialog, "Kind", "Organisation or armed group");
        page.context().setOffline(true);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to draft")).click();
        page.waitForTimeout(1500);
        page.context().setOffline(false);
        assertThat(dialog).isHidden();
        assertThat(page.locator(".draft-count")).containsText("1 annotation");
        EditorAnnotation army = stored(editor, "The army");
        assertThat(army.linkLabel()).endsWith("Syrian Arab Army");

        page.reload();
        assertThat(page.locator(".draft-count")).containsText("1 annotation");
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
    }
}
