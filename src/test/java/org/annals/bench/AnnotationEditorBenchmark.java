package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.annotation.AnnotationService;
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
        UUID source = fixtures.newSource(project, editor, "Hundred kilobytes", EditorCorpus.paragraphs(100_000));
        SourceText text = Fixtures.as(editor, () -> sources.read(project, source));
        int inserted = EditorCorpus.insertAnnotations(jdbc, project, source, text, 500);
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
            EditorCorpus.signIn(page, port, editor.getUsername());
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
                EditorCorpus.prepareClaim(page, text, p);
                serverTimes.clear();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save to draft")).click();
                page.waitForFunction("() => window.__drawn > 0");
                roundTrips.add(((Number) page.evaluate(EditorCorpus.CREATED)).doubleValue());
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
                EditorCorpus.signIn(p, port, editor.getUsername());
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


    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
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
