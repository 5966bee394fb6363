package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A source's page as it comes with its view rendered inside (EditorFirstResponse), in Chromium.
 * <p>
 * The editor's two downloads, named as preloads in the page's head, are fetched once each and from the head:
 * the editor's own fetches take the preloaded answers instead of asking again.
 * <p>
 * The view is built where it stays: Vaadin's client builds it into the container the page came with, in the page and
 * visible, and neither React's router (which empties its outlet when it mounts) nor Vaadin's router (which moves its
 * container into the outlet once it has started) takes it out of the page, so what the person did before Vaadin's
 * navigation was acknowledged (scrolling the text, clicking into a field) is still there after it; navigating in the
 * app from there and back works.
 * <p>
 * The editor keeps its marks when it is moved in the page after its text was drawn. Before the view was kept where
 * it was built, Vaadin's router put it into the outlet only once the navigation was acknowledged, and by then the
 * text and its suggestions could be drawn. The element took its highlights out of the document's registry when it
 * was taken out and did not put them back: no ghost mark was left (the suggestions journey failed now and then at
 * either of its page loads). Here the move is made on purpose, after the ghost marks and a find hit are drawn.
 */
class EditorFirstResponseBrowserTest extends BrowserTest {

    /** Out of the page and back to its place, as Vaadin's router moved its view into the outlet. */
    private static final String MOVE = """
            () => {
              const text = document.querySelector('annals-text');
              const parent = text.parentElement;
              const next = text.nextSibling;
              document.body.append(text);
              parent.insertBefore(text, next);
            }""";
    /**
     * Records every removal of the editor from the page and every frame in which its drawn text is out of the page or
     * hidden, and when Vaadin's router reports the navigation done (after the server acknowledged it).
     */
    private static final String WATCH = """
            (() => {
              window.__removed = [];
              window.__hiddenFrames = 0;
              window.__navigated = false;
              window.addEventListener('vaadin-navigated', () => { window.__navigated = true; });
              new MutationObserver((records) => {
                for (const r of records) for (const n of r.removedNodes)
                  if (n.nodeType === 1 && (n.localName === 'annals-text' || n.querySelector('annals-text')))
                    window.__removed.push(n.localName + ' from ' + r.target.localName);
              }).observe(document, { childList: true, subtree: true });
              let seen = null;
              const frame = () => {
                seen = document.querySelector('annals-text')?.querySelector('.passage') ? document.querySelector('annals-text') : seen;
                if (seen && !(seen.isConnected && seen.checkVisibility())) window.__hiddenFrames++;
                requestAnimationFrame(frame);
              };
              requestAnimationFrame(frame);
            })();""";
    private static final String GHOSTS =
            "kind => [...(CSS.highlights.get('annals-suggest-' + kind) ?? [])].map(r => r.toString())";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;

    @Test
    void ghost_marks_and_find_hits_are_still_drawn_after_the_editor_is_moved_in_the_page() {
        var editor = fixtures.newUser("moved-editor");
        var reviewer = fixtures.newUser("moved-reviewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        vetted(editor, reviewer, project, "Idlib");
        vetted(editor, reviewer, project, "Aleppo");
        UUID source = fixtures.newSource(project, editor, "Moved in the page", new String[] {
            "Fighters from Idlib advanced towards Aleppo in March 2020.",
            "The road between Idlib and Aleppo was closed."});

        Page page = newPerson();
        signInOverHttp(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/sources/" + source));
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        // The suggestions are in the element (two places named twice, a date).
        page.waitForFunction("() => Number(document.querySelector('annals-text').dataset.suggestions ?? 0) >= 5");
        var find = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Find in this source"));
        find.click();
        find.pressSequentially("closed");
        assertThat(page.locator(".find-count")).hasText("1 of 1");
        page.waitForFunction("() => CSS.highlights.has('annals-find-current')");

        page.evaluate(MOVE);

        // Back in its place with every mark: the ghost marks (drawn again once the passages near the view are
        // known, a frame later) and the find hit.
        assertThat(page.locator("annals-text")).hasCount(1);
        page.waitForFunction("() => [...(CSS.highlights.get('annals-suggest-mention') ?? [])].length === 4");
        assertThat(ghosts(page, "mention")).containsExactlyInAnyOrder("Idlib", "Aleppo", "Idlib", "Aleppo");
        assertThat(ghosts(page, "date")).contains("March 2020");
        assertThat(page.evaluate("() => [...(CSS.highlights.get('annals-find-current') ?? [])].map(r => r.toString())"))
                .asList().containsExactly("closed");
        // The keys still step through the ghost marks, and the current one is marked.
        page.locator("annals-text").press(".");
        assertThat(page.locator("annals-text .suggest-current")).containsText("Suggestion:");
        page.waitForFunction("() => (CSS.highlights.get('annals-suggest-current')?.size ?? 0) === 1");
    }

    @Test
    void the_view_is_built_where_it_stays_so_what_was_done_before_the_navigation_was_acknowledged_is_kept() {
        var reader = fixtures.newUser("in-place-reader");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reader, ProjectRole.VIEWER);
        var paragraphs = new java.util.ArrayList<String>();
        for (int i = 0; i < 120; i++) {
            paragraphs.add("Paragraph " + i + ": the convoy moved along the road past fields and villages before dusk.");
        }
        paragraphs.add("At the end of the day the road was closed.");
        UUID source = fixtures.newSource(project, fixtures.admin(), "Built in place", paragraphs.toArray(String[]::new));

        Page page = newPerson();
        page.addInitScript(WATCH);
        signInOverHttp(page, reader.getUsername(), Fixtures.PASSWORD);
        // Vaadin's messages from the browser are held back until the person has scrolled and clicked: the view
        // rendered into the page is there before Vaadin's client has started and its navigation is acknowledged.
        var held = new java.util.ArrayList<com.microsoft.playwright.Route>();
        var holding = new java.util.concurrent.atomic.AtomicBoolean(true);
        page.route(address -> address.contains("v-r=uidl"), route -> {
            if (holding.get()) {
                held.add(route);
            } else {
                route.resume();
            }
        });
        page.navigate(url("projects/" + project + "/sources/" + source));
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat((Boolean) page.evaluate("() => window.__navigated")).isFalse();
        page.evaluate("() => { const t = document.querySelector('annals-text'); t.scrollTop = 600; }");
        Object scrolled = page.evaluate("() => document.querySelector('annals-text').scrollTop");
        assertThat(((Number) scrolled).intValue()).isPositive();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Find in this source")).click();

        holding.set(false);
        held.forEach(com.microsoft.playwright.Route::resume);
        page.unrouteAll();
        page.waitForFunction("() => window.__navigated");

        // Never out of the page nor hidden; the scroll position and the focus are still there: typing goes on in
        // the field the person clicked into.
        assertThat(page.evaluate("() => window.__removed")).asList().isEmpty();
        assertThat(page.evaluate("() => window.__hiddenFrames")).isEqualTo(0);
        assertThat(page.evaluate("() => document.querySelector('annals-text').scrollTop")).isEqualTo(scrolled);
        page.keyboard().type("closed");
        assertThat(page.locator(".find-count")).hasText("1 of 1");

        // Navigating in the app from here, and back, works as from any other page.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sources").setExact(true)).first().click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/projects/" + project + "/sources$"));
        assertThat(page.getByText("Built in place").first()).isVisible();
        assertThat(page.locator("annals-text")).hasCount(0);
        page.goBack();
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    @Test
    void the_two_downloads_are_fetched_once_each_from_the_preloads_in_the_head() {
        var reader = fixtures.newUser("preload-reader");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reader, ProjectRole.VIEWER);
        UUID source = fixtures.newSource(project, fixtures.admin(), "Preloaded", new String[] {
            "The text of a preloaded source.", "Its second paragraph."});

        Page page = newPerson();
        signInOverHttp(page, reader.getUsername(), Fixtures.PASSWORD);
        List<String> downloads = downloadsOf(page);
        page.navigate(url("projects/" + project + "/sources/" + source));
        assertThat(page.locator("annals-text .passage").first()).hasText("The text of a preloaded source.",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));

        // Two downloads, each asked for once; the browser's record says by the page's head (a link), not a fetch.
        assertThat(downloads).hasSize(2).doesNotHaveDuplicates();
        Object initiators = page.evaluate("() => performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/VAADIN/dynamic/resource/')).map(e => e.initiatorType)");
        assertThat(initiators).asList().containsExactly("link", "link");
    }

    @Test
    void opened_from_the_library_a_sample_size_source_comes_with_the_answer_and_a_longer_one_as_downloads() {
        var reader = fixtures.newUser("inline-reader");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, reader, ProjectRole.VIEWER);
        fixtures.newSource(project, fixtures.admin(), "Sample size", new String[] {
            "The text of a short source.", "Its second paragraph."});
        // Just over the limit for a text inside Vaadin's answer (150,000 characters): 80 paragraphs of 2,000.
        String[] paragraphs = new String[80];
        for (int i = 0; i < paragraphs.length; i++) {
            paragraphs[i] = ("Paragraph " + i + " of a long source. ").repeat(100).substring(0, 2_000);
        }
        fixtures.newSource(project, fixtures.admin(), "Longer than a sample", paragraphs);

        Page page = newPerson();
        signInOverHttp(page, reader.getUsername(), Fixtures.PASSWORD);
        List<String> downloads = downloadsOf(page);
        page.navigate(url("projects/" + project + "/sources"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sample size")).click();
        assertThat(page.locator("annals-text .passage").first()).hasText("The text of a short source.",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("annals-text")).not().hasAttribute("text-src", java.util.regex.Pattern.compile(".*"));
        assertThat(downloads).as("downloads for a sample-size source opened in the app").isEmpty();

        page.navigate(url("projects/" + project + "/sources"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Longer than a sample")).click();
        assertThat(page.locator("annals-text .passage").first()).containsText("Paragraph 0 of a long source.",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(downloads).as("the text and the annotations of a longer source, downloaded").hasSize(2);
    }

    /** The addresses of the editor's downloads (Vaadin's dynamic resources) this page asks for from now on. */
    private static List<String> downloadsOf(Page page) {
        var downloads = new java.util.concurrent.CopyOnWriteArrayList<String>();
        page.onRequest(request -> {
            if (request.url().contains("/VAADIN/dynamic/resource/")) {
                downloads.add(request.url());
            }
        });
        return downloads;
    }

    private void vetted(AnnalsPrincipal editor, AnnalsPrincipal reviewer, UUID project, String name) {
        var place = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), "Add", true));
        as(reviewer, () -> review.approve(place.changesetId(), null));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ghosts(Page page, String kind) {
        return (List<String>) page.evaluate(GHOSTS, kind);
    }
}
