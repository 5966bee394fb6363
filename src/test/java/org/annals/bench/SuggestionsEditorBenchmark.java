package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.annals.e2e.Browsers;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.suggest.SuggestionService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Harness for issue 18's editor budget (not part of the normal test run): the same 100 KB source opened and
 * scrolled in Chromium with about 2,000 ghost highlights (its place names are in the project's registry) and
 * with none (the same text in a project whose registry is empty). Reported: the time from navigation until
 * the text (and, with suggestions, every ghost mark) is painted, and the frame times while the text is
 * scrolled from top to bottom at a steady speed. The two are measured in turns, so that other load on the
 * machine falls on both alike.
 * <pre>./mvnw test -Pbenchmark -Dtest=SuggestionsEditorBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = "annals.security.login-throttle.max-failures-per-address=1000")
@Tag("benchmark")
class SuggestionsEditorBenchmark {

    private static final String[] PLACES = {"Aleppo", "Hama", "Idlib", "Homs", "Daraa", "Latakia"};
    private static final String[] WORDS = ("the rebels army city offensive fighters entered withdrew reported "
            + "civilians airstrike positions front line convoy checkpoint command operations brigade faction council "
            + "statement according to sources morning evening were near village district province road bridge airport "
            + "base commander announced control advanced retreated").split(" ");
    private static final int RUNS = 8;
    /** Frames of scrolling measured per run: the text is scrolled from top to bottom over them. */
    private static final int FRAMES = 300;

    /**
     * Scrolls the text's box from top to bottom over a fixed number of frames and gives back each frame's
     * duration (requestAnimationFrame to requestAnimationFrame): a frame that takes longer than the display's
     * interval is a frame whose layout or painting (passages laid out as they come near, highlights painted)
     * did not fit.
     */
    private static final String SCROLL = """
            frames => new Promise(done => {
              const box = document.querySelector('.reader-text');
              box.scrollTop = 0;
              const step = (box.scrollHeight - box.clientHeight) / frames;
              const times = [];
              let last = 0;
              let n = 0;
              const frame = now => {
                if (last) times.push(now - last);
                last = now;
                if (n++ >= frames) { done(times); return; }
                box.scrollTop = Math.round(n * step);
                requestAnimationFrame(frame);
              };
              requestAnimationFrame(frame);
            })""";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    SuggestionService suggestions;

    @Test
    void the_editor_opens_and_scrolls_as_fast_with_two_thousand_ghost_highlights_as_without() {
        AnnalsPrincipal editor = fixtures.newUser("ghost-bencher");
        AnnalsPrincipal reviewer = fixtures.newUser("ghost-reviewer");
        String[] text = paragraphs(100_000);
        UUID withProject = fixtures.newProject(fixtures.admin());
        UUID withoutProject = fixtures.newProject(fixtures.admin());
        for (UUID project : List.of(withProject, withoutProject)) {
            fixtures.addMember(project, editor, ProjectRole.EDITOR);
            fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        }
        for (String place : PLACES) {
            var proposal = Fixtures.as(editor, () -> entities.proposeCreate(withProject,
                    EntityPayload.of(EntityKind.PLACE, place), "Add " + place, true));
            Fixtures.as(reviewer, () -> review.approve(proposal.changesetId(), null));
        }
        UUID with = fixtures.newSource(withProject, editor, "With suggestions", text);
        UUID without = fixtures.newSource(withoutProject, editor, "Without suggestions", text);
        int ghosts = Fixtures.as(editor, () -> suggestions.forSource(withProject, with)).suggestions().size();
        int none = Fixtures.as(editor, () -> suggestions.forSource(withoutProject, without)).suggestions().size();
        System.out.printf(Locale.ROOT, "source: %,d characters in %d paragraphs; suggestions: %d with the registry,"
                + " %d without%n", String.join("\n\n", text).length(), text.length, ghosts, none);
        assertThat(ghosts).isGreaterThanOrEqualTo(1900);

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            page.navigate(url("login"));
            page.getByLabel("Username").fill(editor.getUsername());
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForURL(url(""));

            Map<Boolean, List<Double>> open = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
            Map<Boolean, List<Double>> frames = Map.of(true, new ArrayList<>(), false, new ArrayList<>());
            for (int run = 0; run < RUNS; run++) {
                for (boolean withGhosts : new boolean[] {true, false}) {
                    page.navigate(url("projects/" + (withGhosts ? withProject : withoutProject) + "/sources/"
                            + (withGhosts ? with : without)));
                    page.waitForFunction("() => document.querySelectorAll('annals-text .passage').length > 100");
                    // Every suggestion received, and those near the view painted (without the registry: new names and dates only).
                    page.waitForFunction("n => Number(document.querySelector('annals-text').dataset.suggestions) === n"
                            + " && (n === 0 || [...CSS.highlights.keys()].some(k => k.startsWith('annals-suggest-')"
                            + " && CSS.highlights.get(k).size > 0))", withGhosts ? ghosts : none);
                    double painted = ((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                            + " r(performance.now())))")).doubleValue();
                    page.waitForTimeout(300);
                    @SuppressWarnings("unchecked")
                    var times = (List<Number>) page.evaluate(SCROLL, FRAMES);
                    if (run > 0) { // the first run warms the server, the browser and the caches
                        open.get(withGhosts).add(painted);
                        times.forEach(t -> frames.get(withGhosts).add(t.doubleValue()));
                    }
                }
            }
            for (boolean withGhosts : new boolean[] {true, false}) {
                String label = withGhosts ? ghosts + " ghost highlights" : "no ghost highlights";
                report("open to painted, " + label, open.get(withGhosts));
                report("scroll frame times, " + label, frames.get(withGhosts));
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Paragraphs of 40 to 120 words, about one word in six a place name of the registry. */
    private static String[] paragraphs(int characters) {
        var random = new Random(18);
        var result = new ArrayList<String>();
        int total = 0;
        while (total < characters) {
            var p = new StringBuilder();
            int words = 40 + random.nextInt(80);
            for (int w = 0; w < words; w++) {
                String word = random.nextInt(6) == 0 ? PLACES[random.nextInt(PLACES.length)]
                        : WORDS[random.nextInt(WORDS.length)];
                p.append(w == 0 ? "" : " ").append(word);
            }
            p.append('.');
            result.add(p.toString());
            total += p.length() + 2;
        }
        return result.toArray(String[]::new);
    }

    private static void report(String what, List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        long over = sorted.stream().filter(t -> t > 20).count();
        System.out.printf(Locale.ROOT, "GHOSTS %s: median %.1f ms, p95 %.1f, max %.1f, over 20 ms: %d of %d%n", what,
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.95)), sorted.getLast(), over,
                sorted.size());
    }
}
