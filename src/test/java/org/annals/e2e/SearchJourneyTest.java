package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.search.SearchIndexer;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search from the shell and open a passage hit: {@code /} focuses the header's box, Enter shows the results,
 * the passage hit opens its source at the passage, scrolled to it with the word marked.
 */
class SearchJourneyTest extends BrowserTest {

    static final String PARAGRAPH = "The siege of Maarat began at dawn, and the town held out for a week.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    SearchIndexer indexer;

    private UUID project;
    private UUID source;
    private int start;
    private int end;

    /** Signs a viewer in, searches from the shell with the keyboard alone and opens the passage hit. */
    private Page searchFromTheShellAndOpenThePassage() {
        AnnalsPrincipal viewer = fixtures.newUser("searcher");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        source = fixtures.newSource(project, fixtures.admin(), "Siege report", "Background of the war.", PARAGRAPH);
        String text = as(fixtures.admin(), () -> sources.read(project, source).text());
        start = text.indexOf(PARAGRAPH);
        end = start + PARAGRAPH.length();
        // The imported source reaches the index the way every change does: through the feed.
        org.assertj.core.api.Assertions.assertThat(indexer.awaitCurrent(java.time.Duration.ofSeconds(30)))
                .as("the index caught up").isTrue();

        Page page = newPerson();
        signInOverHttp(page, viewer.getUsername(), Fixtures.PASSWORD);
        page.navigate(url(ProjectRoutes.path(project)));
        Locator box = page.locator(".shell-search vaadin-text-field");
        assertThat(box).isVisible();
        // "/" anywhere but in a field puts the cursor in the search box.
        page.evaluate("() => document.activeElement?.blur()");
        page.keyboard().press("/");
        assertThat(box.locator("input")).isFocused();
        page.keyboard().type("maarat");
        page.keyboard().press("Enter");

        page.waitForURL(Pattern.compile(".*/projects/" + project + "/search\\?q=maarat$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Passages"))).isVisible();
        Locator hit = page.locator(".search-hit").filter(new Locator.FilterOptions().setHasText("Siege report"));
        assertThat(hit.locator(".search-hit-snippet")).containsText("The siege of Maarat began at dawn");
        // the counts come in the browser's next round trip, after the hits
        assertThat(page.locator(".search-kind").filter(new Locator.FilterOptions().setHasText("Passages")))
                .hasText("Passages 1");
        hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Siege report")).click();
        return page;
    }

    @Test
    void search_from_the_shell_and_open_a_passage_hit() {
        Page page = searchFromTheShellAndOpenThePassage();
        page.waitForURL(Pattern.compile(".*/projects/" + project + "/sources/" + source + "\\?at=" + start + "-" + end
                + "&q=maarat$"));
        assertThat(page.locator("annals-text")).containsText("The siege of Maarat began at dawn");
        // The source opens scrolled to the passage with the word marked as the current hit, in sight.
        page.waitForFunction("""
                () => {
                  const marks = CSS.highlights.get('annals-find-current');
                  if (!marks || marks.size !== 1) return false;
                  const range = [...marks][0];
                  const hit = range.getBoundingClientRect();
                  const box = document.querySelector('annals-text').getBoundingClientRect();
                  return range.toString() === 'Maarat' && hit.height > 0 && hit.top >= Math.max(0, box.top)
                      && hit.bottom <= Math.min(innerHeight, box.bottom);
                }""");

        // On a phone the box is a button until it is needed; "/" opens it as well.
        page.setViewportSize(390, 844);
        Locator box = page.locator(".shell-search vaadin-text-field");
        Locator opener = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search this project"));
        assertThat(box).isHidden();
        assertThat(opener).isVisible();
        page.evaluate("() => document.activeElement?.blur()");
        page.keyboard().press("/");
        assertThat(box.locator("input")).isFocused();
    }
}
