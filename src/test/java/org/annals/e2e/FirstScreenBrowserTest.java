package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.review.WorkingDraftService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportRequest;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A source opened by its address a second time shows its first screen (FirstScreen, drawn on the server) before
 * Vaadin's client has built the view, at the place the view then draws its text: at the moment the view's text is
 * drawn, every word and highlight in view of the first screen sits where the view's own is, with the same
 * highlight, at a desktop window's size and at a phone's. Text enters as text. A window of another size gets no first
 * screen, and the first screen is gone once the view's text is drawn.
 */
class FirstScreenBrowserTest extends BrowserTest {

    /**
     * At the first {@code annals-drawn} (the view's text drawn; before the page's own listener takes the first
     * screen away): every segment of the first screen and of the view's text that shows inside the first screen's
     * box, by its start offset, with its box and its highlight as the browser computed them.
     */
    private static final String HANDOVER = """
            (() => {
              window.__handover = null;
              const segments = (root, clip) => {
                const found = {};
                if (!root || !clip) return found;
                for (const s of root.querySelectorAll('span[data-s]')) {
                  const r = s.getBoundingClientRect();
                  if (r.bottom <= clip.top || r.top >= clip.bottom || r.height === 0) continue;
                  const style = getComputedStyle(s);
                  found[s.dataset.s] = [r.left, r.top, r.width, r.height, s.className, s.dataset.ids || '',
                    s.title, style.backgroundImage, style.backgroundColor, style.backgroundClip, style.boxShadow,
                    style.paddingBottom, s.textContent];
                }
                return found;
              };
              document.addEventListener('annals-drawn', (event) => {
                if (window.__handover) return;
                const screen = document.getElementById('annals-first-screen');
                const clip = screen && !screen.hidden ? screen.getBoundingClientRect() : null;
                window.__handover = { shown: !!clip,
                  first: segments(screen, clip), drawn: segments(event.target.querySelector('.annals-body'), clip),
                  markup: screen ? screen.querySelectorAll('b, img, script').length : 0,
                  words: screen ? screen.textContent : '' };
              }, true);
            })();""";

    private static final String HOSTILE = "<b>Not bold</b> & <img src=x onerror=\"window.__hacked = 1\"> stays text.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    SourceImportService imports;
    @Autowired
    AnnotationService annotations;
    @Autowired
    WorkingDraftService drafts;
    @Autowired
    ReviewService review;

    @Test
    void the_first_screen_shows_every_word_and_highlight_where_the_view_then_draws_them() {
        var reader = fixtures.newUser("fs-editor");
        var other = fixtures.newUser("fs-other");
        var reviewer = fixtures.newUser("fs-reviewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reader, ProjectRole.EDITOR);
        fixtures.addMember(project, other, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var paragraphs = new ArrayList<String>();
        paragraphs.add("Rebel forces entered Aleppo on 29 November 2024 after a rapid advance from Idlib.");
        paragraphs.add(HOSTILE);
        paragraphs.add("دخلت قوات المعارضة مدينة حلب بعد تقدم سريع من إدلب.");
        for (int i = 0; i < 60; i++) {
            paragraphs.add("Paragraph " + i + ": the convoy moved along the road past fields and villages before"
                    + " dusk, and the fighters held the bridge until the morning.");
        }
        // A heading and a list among the paragraphs: a list keeps its white space (pre-wrap), so any space the page
        // added around its words would show.
        var blocks = new ArrayList<DraftBlock>();
        blocks.add(DraftBlock.of(BlockKind.HEADING, "The offensive"));
        paragraphs.forEach(p -> blocks.add(DraftBlock.of(BlockKind.PARAGRAPH, p)));
        blocks.add(3, DraftBlock.of(BlockKind.LIST, "Idlib\nAleppo\nHama"));
        UUID source = as(other, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled("First screen"),
                SourceFormat.PLAIN_TEXT, blocks, null, null, true)).sourceId());
        String text = as(other, () -> sources.read(project, source).text());
        // Vetted and pending annotations of another editor, overlapping drafts of the reader's own: lanes, tints,
        // dashed and dotted lines.
        annotate(other, project, source, text, "Rebel forces entered Aleppo", AnnotationType.CLAIM);
        annotate(other, project, source, text, "29 November 2024", AnnotationType.DATE);
        as(reviewer, () -> review.approve(as(other, () -> drafts.submit(project, "vetted")), null));
        annotate(other, project, source, text, "a rapid advance", AnnotationType.CLAIM);
        as(other, () -> drafts.submit(project, "pending"));
        annotate(reader, project, source, text, "entered Aleppo on 29", AnnotationType.CLAIM);
        annotate(reader, project, source, text, "Aleppo", AnnotationType.CASUALTY_FIGURE);
        annotate(reader, project, source, text, "قوات المعارضة", AnnotationType.CLAIM);
        annotate(reader, project, source, text, "Paragraph 3: the convoy", AnnotationType.CLAIM);

        Page page = newPerson();
        page.addInitScript(HANDOVER);
        signInOverHttp(page, reader.getUsername(), Fixtures.PASSWORD);
        String address = url("projects/" + project + "/sources/" + source);

        // The first load at a size has no place for the first screen yet; it keeps the one the view drew at.
        Map<String, Object> first = openAndHandOver(page, address, source);
        assertThat(first.get("shown")).as("a first screen without a kept place").isEqualTo(false);

        // The text stays where it was drawn once the suggestions have come (the legend above it had its place).
        page.waitForFunction("() => Number(document.querySelector('annals-text').dataset.suggestions ?? -1) >= 0"
                + " && document.querySelector('annals-text .annals-suggestions') !== null");
        page.waitForTimeout(300);
        assertThat(((Number) page.evaluate("id => document.querySelector('annals-text .annals-body').getBoundingClientRect().top"
                + " - JSON.parse(localStorage.getItem('annals-first-screen'))[id].y", source.toString())).doubleValue())
                .as("the text's move after it was drawn").isCloseTo(0, within(0.5));

        Map<String, Object> desktop = openAndHandOver(page, address, source);
        assertSameScreen(desktop, 12);
        assertThat(desktop.get("markup")).as("elements made from the source's text").isEqualTo(0);
        assertThat((String) desktop.get("words")).contains(HOSTILE);
        assertThat(page.evaluate("() => window.__hacked")).isNull();
        assertThat(page.locator("#annals-first-screen")).hasCount(0);
        // This load began before Vaadin's page (decision 47): the early head holds the module preload, and Vaadin's
        // head, read after the first screen, went into the body, where its elements still work (the page's language
        // and title, the view drawn above).
        assertThat(page.evaluate("() => document.head.querySelector('link[rel=modulepreload]') !== null"
                + " && document.querySelector('body > title') !== null")).as("answered early").isEqualTo(true);
        assertThat(page.evaluate("() => document.documentElement.lang")).isEqualTo("en");
        assertThat(page.title()).startsWith("First screen · ");

        page.setViewportSize(390, 844);
        assertThat(openAndHandOver(page, address, source).get("shown")).as("a phone's first load").isEqualTo(false);
        assertSameScreen(openAndHandOver(page, address, source), 3);

        page.setViewportSize(1000, 800);
        assertThat(openAndHandOver(page, address, source).get("shown")).as("a window of a size not seen before")
                .isEqualTo(false);
    }

    /** Loads the page by its address and waits for the view's text and the place kept for this size. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> openAndHandOver(Page page, String address, UUID source) {
        page.navigate(address);
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        page.waitForFunction("() => window.__handover !== null");
        page.waitForFunction("([id, w]) => JSON.parse(localStorage.getItem('annals-first-screen') || '{}')[id]?.w === w",
                List.of(source.toString(), page.viewportSize().width));
        assertThat(page.locator("#annals-first-screen")).hasCount(0);
        return (Map<String, Object>) page.evaluate("() => window.__handover");
    }

    /** Shown, with at least {@code segments} segments in view, each where the view's is and highlighted as it. */
    @SuppressWarnings("unchecked")
    private static void assertSameScreen(Map<String, Object> handover, int segments) {
        assertThat(handover.get("shown")).as("the first screen shown").isEqualTo(true);
        var first = new LinkedHashMap<>((Map<String, List<Object>>) handover.get("first"));
        var drawn = (Map<String, List<Object>>) handover.get("drawn");
        assertThat(first).hasSizeGreaterThanOrEqualTo(segments);
        assertThat(first.keySet()).as("the segments in view").containsExactlyInAnyOrderElementsOf(drawn.keySet());
        assertThat(first.values().stream().filter(s -> ((String) s.get(4)).contains("ann")).count())
                .as("highlighted segments in view").isPositive();
        first.forEach((start, mine) -> {
            List<Object> theirs = drawn.get(start);
            for (int i = 0; i < 4; i++) { // left, top, width, height
                assertThat(((Number) mine.get(i)).doubleValue()).as("segment at %s, box %d", start, i)
                        .isCloseTo(((Number) theirs.get(i)).doubleValue(), within(0.5));
            }
            assertThat(mine.subList(4, mine.size())).as("segment at %s: class, ids, title, highlight, text", start)
                    .isEqualTo(theirs.subList(4, theirs.size()));
        });
    }

    private void annotate(AnnalsPrincipal editor, UUID project, UUID source, String text, String words,
            AnnotationType type) {
        int start = text.indexOf(words);
        as(editor, () -> annotations.annotate(project, source, start, start + words.length(), words, type,
                new LinkChoice.None()));
    }
}
