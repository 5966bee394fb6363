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
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.e2e.Browsers;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Harness for the live-update budgets of issue "Live collaboration" (not part of the normal test run):
 * how long an approval takes to show on another person's open editor (p50, p95 over 100 changes), with
 * one editor open and with 50, and what 50 open editors cost the server (CPU per change, CPU while
 * idle, heap).
 * <pre>./mvnw test -Pbenchmark -Dtest=CollabBenchmark</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = "annals.security.login-throttle.max-failures-per-address=1000")
@Tag("benchmark")
class CollabBenchmark {

    static final int CHANGES = Integer.getInteger("annals.bench.changes", 100);
    static final int EDITORS = Integer.getInteger("annals.bench.editors", 50);

    /**
     * Records, per watched annotation key, the wall-clock time of the first animation frame after its
     * highlight shows the wanted state: a mutation observer, not polling, so the driver's own delays do
     * not count. Date.now() and the server's System.currentTimeMillis() read the same clock.
     */
    static final String OBSERVE = """
            () => {
              window.__want = {}; window.__seen = {};
              const check = () => {
                for (const [key, state] of Object.entries(window.__want)) {
                  if (window.__seen[key + state]) continue;
                  const s = document.querySelector('annals-text [data-ids~="' + key + '"]');
                  if (s && s.dataset.states === state) {
                    window.__seen[key + state] = -1;
                    requestAnimationFrame(() => { window.__seen[key + state] = Date.now(); });
                  }
                }
              };
              new MutationObserver(check).observe(document.querySelector('annals-text'),
                  {subtree: true, childList: true, attributes: true, attributeFilter: ['data-states', 'data-ids']});
            }""";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ReviewService review;

    private UUID project;
    private UUID source;
    private SourceText text;
    private AnnalsPrincipal proposer;
    private AnnalsPrincipal reviewer;
    private int nextParagraph;

    @Test
    void approval_to_another_open_editor_with_one_and_with_fifty_editors_open() throws Exception {
        proposer = fixtures.newUser("proposer");
        reviewer = fixtures.newUser("reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, proposer, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var paragraphs = new ArrayList<String>();
        for (int i = 0; i < 2 * CHANGES + 20; i++) {
            paragraphs.add("Paragraph" + i + " reports that fighters entered the district on the morning of day " + i
                    + " and that at least " + (i % 17) + " people were killed near the front line.");
        }
        source = fixtures.newSource(project, proposer, "Daily reports", paragraphs.toArray(String[]::new));
        text = Fixtures.as(proposer, () -> sources.read(project, source));
        var watchers = new ArrayList<AnnalsPrincipal>();
        for (int i = 0; i < EDITORS; i++) {
            AnnalsPrincipal watcher = fixtures.newUser("watcher");
            fixtures.addMember(project, watcher, ProjectRole.EDITOR);
            watchers.add(watcher);
        }
        String sourceUrl = url("projects/" + project + "/sources/" + source);

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            Page first = open(browser, watchers.getFirst(), sourceUrl);
            measure("1 editor open", first, CHANGES);

            long heapOne = heapAfterGc();
            var pages = new ArrayList<Page>(List.of(first));
            for (AnnalsPrincipal watcher : watchers.subList(1, EDITORS)) {
                pages.add(open(browser, watcher, sourceUrl));
            }
            first.reload();
            first.locator("annals-text .passage").first().waitFor();
            first.evaluate(OBSERVE);
            long heapFifty = heapAfterGc();
            System.out.printf(Locale.ROOT, "heap after GC: one editor open %,d bytes, %d editors %,d: %,d bytes per"
                    + " further editor%n", heapOne, EDITORS, heapFifty, (heapFifty - heapOne) / (EDITORS - 1));

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long idleCpu = os.getProcessCpuTime();
            long idleStart = System.nanoTime();
            Thread.sleep(Long.getLong("annals.bench.idleMillis", 30_000));
            System.out.printf(Locale.ROOT, "server CPU with %d editors open and idle: %.1f%% of one core%n",
                    EDITORS, 100.0 * (os.getProcessCpuTime() - idleCpu) / (System.nanoTime() - idleStart));

            // The JVM's CPU without this thread, which drives the browsers (Playwright's client) and proposes
            // and approves through the services (their time is reported on its own).
            var threads = ManagementFactory.getThreadMXBean();
            long cpu = os.getProcessCpuTime() - threads.getCurrentThreadCpuTime();
            long browserCpu = browserCpuMillis();
            long wall = System.nanoTime();
            measure(EDITORS + " editors open", first, CHANGES);
            double serverMillis = (os.getProcessCpuTime() - threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            double browserMillis = browserCpuMillis() - browserCpu;
            double wallMillis = (System.nanoTime() - wall) / 1e6;
            System.out.printf(Locale.ROOT, "server CPU per change, besides proposing and approving (%d editors redrawn"
                    + " twice): %.1f ms%n", EDITORS, serverMillis / CHANGES);
            // The browsers share the machine's two cores with the server: how busy they kept it says how much of
            // the latency above is theirs.
            System.out.printf(Locale.ROOT, "browsers' CPU per change (all %d pages): %.1f ms; while measuring, server"
                    + " %.0f%% and browsers %.0f%% of one core%n", EDITORS, browserMillis / CHANGES,
                    100 * serverMillis / wallMillis, 100 * browserMillis / wallMillis);
            // Every open editor got the last change too.
            for (Page page : pages) {
                page.locator("annals-text [data-states='vetted']").nth(2 * CHANGES - 1).waitFor();
            }
            pages.forEach(p -> p.context().close());
        }
    }

    /** {@code changes} times: propose and submit one annotation, wait until pending is drawn, approve, time it. */
    private void measure(String label, Page page, int changes) {
        var latencies = new ArrayList<Double>();
        var approvals = new ArrayList<Double>();
        for (int i = 0; i < changes; i++) {
            SourceText.Passage p = text.passages().get(nextParagraph++);
            int start = p.start();
            int end = text.text().indexOf(' ', start);
            var marked = Fixtures.as(proposer, () -> annotations.annotate(project, source, start, end,
                    text.text().substring(start, end), AnnotationType.CLAIM, new LinkChoice.None()));
            String key = marked.annotationId().toString();
            page.evaluate("k => { window.__want[k] = 'pending'; }", key);
            Fixtures.as(proposer, () -> annotations.submitDraft(project, marked.changesetId(), "Change " + key));
            page.waitForFunction("k => window.__seen[k + 'pending'] > 0", key);
            page.evaluate("k => { window.__want[k] = 'vetted'; }", key);
            long before = System.nanoTime();
            Fixtures.as(reviewer, () -> review.approve(marked.changesetId(), null));
            long committed = System.currentTimeMillis();
            approvals.add((System.nanoTime() - before) / 1e6);
            page.waitForFunction("k => window.__seen[k + 'vetted'] > 0", key);
            long seen = ((Number) page.evaluate("k => window.__seen[k + 'vetted']", key)).longValue();
            latencies.add((double) (seen - committed));
        }
        report(label + ": approval committed → vetted highlight painted on the other editor", latencies);
        report(label + ": the approval itself on the server", approvals);
    }

    private Page open(Browser browser, AnnalsPrincipal who, String sourceUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        page.navigate(url("login"));
        page.getByLabel("Username").fill(who.getUsername());
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("login"));
        page.navigate(sourceUrl);
        page.locator("annals-text .passage").first().waitFor();
        page.evaluate(OBSERVE);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** CPU time of every Chromium process on the machine (user + system), from /proc; 0 where there is none. */
    private static long browserCpuMillis() {
        long ticks = 0;
        try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.contains("chrom") || name.contains("headless")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // Fields 14 and 15 of stat (utime, stime), counted after the name.
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // The process ended meanwhile.
                }
            }
        } catch (java.io.IOException noProc) {
            return 0;
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void report(String what, List<Double> samples) {
        var sorted = samples.stream().sorted().toList();
        assertThat(sorted).isNotEmpty();
        System.out.printf(Locale.ROOT, "%s: p50 %.0f ms, p95 %.0f ms, min %.0f, max %.0f (n=%d)%n", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted.getFirst(), sorted.getLast(), sorted.size());
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }
}
