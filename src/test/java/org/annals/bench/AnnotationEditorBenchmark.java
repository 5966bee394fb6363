package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorContent;
import org.annals.e2e.Browsers;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Harness for the editor budgets of issue "The annotation editor" (not part of the normal test run):
 * a 100 KB source with 500 annotations opened in Chromium, one annotation created through the UI, and
 * the server memory an open editor keeps.
 * <pre>./mvnw test -Pbenchmark -Dtest=AnnotationEditorBenchmark</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = "annals.security.login-throttle.max-failures-per-address=1000")
@Tag("benchmark")
class AnnotationEditorBenchmark {

    private static final String[] WORDS = ("the rebels army city offensive Aleppo Hama Idlib fighters entered withdrew "
            + "reported killed civilians airstrike positions front line convoy checkpoint command operations brigade "
            + "faction council statement according to sources on Saturday Sunday morning evening were at least near "
            + "village district province road bridge airport base commander announced control advanced retreated")
            .split(" ");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    AnnotationService annotations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void editor_with_five_hundred_annotations_on_a_hundred_kilobyte_source() throws Exception {
        AnnalsPrincipal editor = fixtures.newUser("bencher");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, org.annals.project.ProjectRole.EDITOR);
        UUID source = fixtures.newSource(project, editor, "Hundred kilobytes", paragraphs(100_000));
        SourceText text = Fixtures.as(editor, () -> sources.read(project, source));
        int inserted = insertAnnotations(project, source, text, 500);
        System.out.printf(Locale.ROOT, "source: %,d characters, %d passages, %d annotations%n", text.text().length(),
                text.passages().size(), inserted);

        // Server work of opening the page: reading the source and the annotations with their overlay.
        var server = new ArrayList<Double>();
        for (int i = 0; i < 30; i++) {
            server.add(millis(() -> {
                Fixtures.as(editor, () -> sources.read(project, source));
                return Fixtures.as(editor, () -> annotations.editor(project, source));
            }));
        }
        report("server work to open (read + annotations), 30 runs", server.subList(5, server.size()));

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            signIn(page, editor.getUsername());
            String sourceUrl = url("projects/" + project + "/sources/" + source);
            String listUrl = url("projects/" + project + "/sources");

            var fullLoad = new ArrayList<Double>();
            var libraryLoad = new ArrayList<Double>();
            var inApp = new ArrayList<Double>();
            for (int i = 0; i < 12; i++) {
                page.navigate(listUrl);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hundred kilobytes")).waitFor();
                libraryLoad.add(((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                        + " r(performance.now())))")).doubleValue());

                page.navigate(sourceUrl);
                page.waitForFunction("() => document.querySelectorAll('annals-text [data-ids]').length > 400");
                fullLoad.add(((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                        + " r(performance.now())))")).doubleValue());

                page.navigate(listUrl);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hundred kilobytes")).waitFor();
                page.evaluate("() => { window.__clicked = performance.now(); }");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hundred kilobytes")).click();
                page.waitForFunction("() => document.querySelectorAll('annals-text [data-ids]').length > 400");
                inApp.add(((Number) page.evaluate("() => new Promise(r => requestAnimationFrame(() =>"
                        + " r(performance.now() - window.__clicked)))")).doubleValue());
            }
            report("full page load to text and highlights painted (ms since navigation start)", fullLoad.subList(2, 12));
            report("for comparison, full page load of the library page (a grid of one source)", libraryLoad.subList(2, 12));
            report("in-app navigation (click in the library) to text and highlights painted", inApp.subList(2, 12));

            // One annotation through the UI: select, key "5" (claim), "No link yet", save; until it is drawn.
            page.navigate(sourceUrl);
            page.waitForFunction("() => document.querySelectorAll('annals-text [data-ids]').length > 400");
            var roundTrips = new ArrayList<Double>();
            var serverTimes = new java.util.concurrent.CopyOnWriteArrayList<Double>();
            var saveServer = new ArrayList<Double>();
            page.onRequestFinished(request -> {
                if (request.url().contains("v-r=uidl")) {
                    var timing = request.timing();
                    if (timing.responseStart > 0 && timing.requestStart > 0) {
                        serverTimes.add(timing.responseStart - timing.requestStart);
                    }
                }
            });
            var passages = text.passages();
            for (int i = 0; i < 15; i++) {
                SourceText.Passage p = passages.get(passages.size() - 1 - i * 3);
                int start = p.start();
                int end = Math.min(p.end(), start + 12);
                while (end < p.end() && !Character.isWhitespace(text.text().charAt(end))) {
                    end++;
                }
                page.evaluate("([s, e]) => document.querySelector('annals-text').selectRange(s, e)", List.of(start, end));
                page.waitForTimeout(200);
                page.locator("annals-text").press("5");
                page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("No link yet")).check();
                // Timed inside the browser: from the click event on Save to the first frame that shows the new
                // highlight (a mutation observer, not polling), so the test driver's own delays do not count.
                page.evaluate("""
                        () => {
                          const count = () => document.querySelectorAll('annals-text [data-states~="draft"]').length;
                          const before = count();
                          window.__drawn = 0;
                          document.addEventListener('click', e => {
                            if (e.composedPath().some(n => n.textContent === 'Save to draft')) window.__saved = performance.now();
                          }, {capture: true, once: true});
                          const observer = new MutationObserver(() => {
                            if (count() > before) {
                              observer.disconnect();
                              requestAnimationFrame(() => { window.__drawn = performance.now(); });
                            }
                          });
                          observer.observe(document.querySelector('annals-text'), {subtree: true, childList: true});
                        }""");
                serverTimes.clear();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save to draft")).click();
                page.waitForFunction("() => window.__drawn > 0");
                roundTrips.add(((Number) page.evaluate("() => window.__drawn - window.__saved")).doubleValue());
                if (!serverTimes.isEmpty()) {
                    saveServer.add(serverTimes.getFirst());
                }
                page.waitForTimeout(400);
            }
            report("create one annotation: Save click to highlight drawn", roundTrips.subList(3, roundTrips.size()));
            report("  of which the save request (request sent to first response byte)", saveServer.subList(3,
                    saveServer.size()));

            // Retained memory of open editors, Vaadin's way: heap after full GC with N sessions on the library
            // page, then with the same N sessions on the editor; the difference is what the editors keep.
            context.close();
            int editors = 20;
            long none = heapAfterGc();
            var open = new ArrayList<Page>();
            for (int i = 0; i < editors; i++) {
                Page p = browser.newContext().newPage();
                signIn(p, editor.getUsername());
                p.navigate(listUrl);
                p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hundred kilobytes")).waitFor();
                open.add(p);
            }
            long onLibrary = heapAfterGc();
            histogram("target/histogram-library.txt");
            for (Page p : open) {
                p.navigate(sourceUrl);
                p.waitForFunction("() => document.querySelectorAll('annals-text [data-ids]').length > 400");
            }
            long onEditor = heapAfterGc();
            histogram("target/histogram-editor.txt");
            System.out.printf(Locale.ROOT, "heap after GC: %,d bytes with no session; %d sessions on the library page %,d"
                    + " (%,d per session); the same sessions on the editor %,d: %,d bytes per open editor%n", none, editors,
                    onLibrary, (onLibrary - none) / editors, onEditor, (onEditor - onLibrary) / editors);
            assertThat(onEditor).isGreaterThan(0);
            open.forEach(p -> p.context().close());
        }
    }

    private static void histogram(String file) throws Exception {
        new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", Long.toString(ProcessHandle.current().pid()),
                "GC.class_histogram").redirectOutput(new java.io.File(file)).start().waitFor();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void signIn(Page page, String username) {
        page.navigate(url("login"));
        page.getByLabel("Username").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Paragraphs of news-like text (with an emoji and Arabic now and then) up to about this many characters. */
    private static String[] paragraphs(int characters) {
        var random = new Random(7);
        var result = new ArrayList<String>();
        int total = 0;
        while (total < characters) {
            var p = new StringBuilder();
            int words = 40 + random.nextInt(80);
            for (int w = 0; w < words; w++) {
                p.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextInt(60) == 0) {
                    p.append(random.nextBoolean() ? " 🚀" : " دخلت قوات المعارضة مدينة حلب");
                }
            }
            p.append('.');
            result.add(p.toString());
            total += p.length() + 2;
        }
        return result.toArray(String[]::new);
    }

    /** Vetted annotations straight into the table: spans of 1–6 words, many overlapping. */
    private int insertAnnotations(UUID project, UUID source, SourceText text, int count) {
        UUID version = jdbc.queryForObject("select text_version_id from source where id = ?", UUID.class, source);
        var random = new Random(11);
        String t = text.text();
        var rows = new ArrayList<Object[]>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < count; i++) {
            SourceText.Passage p = text.passages().get(random.nextInt(text.passages().size()));
            int start = p.start();
            int skip = random.nextInt(30);
            for (int k = 0; k < skip; k++) {
                int next = t.indexOf(' ', start + 1);
                if (next < 0 || next + 1 >= p.end()) {
                    break;
                }
                start = next + 1;
            }
            int end = start;
            int words = 1 + random.nextInt(6);
            for (int k = 0; k < words; k++) {
                int next = t.indexOf(' ', end + 1);
                end = next < 0 || next > p.end() ? p.end() : next;
            }
            if (end <= start || Character.isLowSurrogate(t.charAt(start)) || end < t.length()
                    && Character.isLowSurrogate(t.charAt(end))) {
                continue;
            }
            AnnotationType type = AnnotationType.values()[random.nextInt(AnnotationType.values().length)];
            if (type.requiredLinkKind() != null) {
                type = AnnotationType.CLAIM;
            }
            rows.add(new Object[] {UUID.randomUUID(), 0L, project, source, version, start, end, t.substring(start, end),
                    t.substring(Math.max(0, start - 32), start), t.substring(end, Math.min(t.length(), end + 32)),
                    type.name(), null, null, now, now});
        }
        jdbc.batchUpdate("insert into annotation (id, version, project_id, source_id, text_version_id, start_offset,"
                + " end_offset, exact_quote, prefix, suffix, annotation_type, linked_kind, linked_id, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    private static double millis(Supplier<EditorContent> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, min %.1f, max %.1f (n=%d)%n", what,
                sorted.get(sorted.size() / 2), sorted.getFirst(), sorted.getLast(), sorted.size());
    }
}
