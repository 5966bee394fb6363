package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.annals.e2e.Browsers;
import org.annals.project.ProjectRole;
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
 * Issue 21's editor harness (not part of the normal test run): sources of 100 KB, 1 MB and 5 MB with 500, 5,000 and
 * 20,000 vetted annotations, opened in Chromium against the application in production mode (the committed production
 * bundle, as the packaged jar serves it). The budgets' definitions: open = navigation start (or the click in the
 * library) to the first frame after every highlight is drawn; create = the Save click to the new highlight painted;
 * scrolling = the time between frames while the text scrolls at reading pace and through the whole text. Also the
 * bytes of the responses that open the editor (the page's message, the text, the annotations), a throttled network,
 * and the server process's resident memory.
 * <pre>./mvnw test -Pbenchmark -Dtest=EditorSizesBenchmark [-Dannals.bench.sizes=100k,1m,5m] [-Dannals.bench.runs=21]</pre>
 * Experiments, not measures of the budgets: {@code -Dannals.bench.annotations=N} puts N annotations on each size's
 * text instead; {@code -Dannals.bench.trace-scroll=true} writes a Chromium trace of the whole-text scroll to target/
 * ({@code -Dannals.profile.js=true} adds V8's sampling profiler); {@code -Dannals.bench.css='...'} adds a style sheet to
 * every page (what a style costs, e.g. the highlights' backgrounds left out).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = {"annals.security.login-throttle.max-failures-per-address=1000", "vaadin.productionMode=true"})
@Tag("benchmark")
@Tag("production-mode")
class EditorSizesBenchmark {

    /** One measured size: characters of text and vetted annotations on it. */
    private record Size(String name, int characters, int annotations) {
    }

    /**
     * Before a click in the library: the click's time is taken when the click event reaches the page (as for
     * create, {@link EditorCorpus#prepareClaim}), not when the harness asks Playwright to click, which first
     * waits for the link to be visible, stable over two frames and hit by the pointer (30-50 ms that are the
     * harness's, not the app's). The call's time is kept too, to compare with the numbers measured before.
     */
    private static final String MARK_CLICK = """
            () => {
              window.__called = performance.now();
              document.addEventListener('click', () => { window.__clicked = performance.now(); }, {capture: true, once: true});
            }""";

    /** A full load's phases from the Navigation Timing entry (the previous page's unload is same-origin, so given). */
    private static final String NAVIGATION_PHASES = """
            () => { const n = performance.getEntriesByType('navigation')[0];
              return { 'the request sent': n.requestStart, 'the answer begins': n.responseStart, 'the previous page unloaded': n.unloadEventEnd,
                'the answer ends': n.responseEnd, 'the page read': n.domInteractive }; }""";

    private static final Map<String, Size> SIZES = Map.of(
            "100k", new Size("100 KB", 100_000, 500),
            "1m", new Size("1 MB", 1_000_000, 5_000),
            "5m", new Size("5 MB", 5_000_000, 20_000));

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void editor_at_every_size() throws Exception {
        AnnalsPrincipal editor = fixtures.newUser("sizes");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            for (String key : System.getProperty("annals.bench.sizes", "100k,1m,5m").split(",")) {
                Size size = SIZES.get(key.strip());
                // -Dannals.bench.annotations=N: the same text with N annotations instead (0: what the text alone costs).
                Integer annotations = Integer.getInteger("annals.bench.annotations");
                if (annotations != null) {
                    size = new Size(size.name() + ", " + annotations + " annotations", size.characters(), annotations);
                }
                measure(browser, editor, project, size);
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    }

    private void measure(Browser browser, AnnalsPrincipal editor, UUID project, Size size) throws Exception {
        String title = "Editor size " + size.name();
        UUID source = fixtures.newSource(project, editor, title, EditorCorpus.paragraphs(size.characters()));
        SourceText text = Fixtures.as(editor, () -> sources.read(project, source));
        int annotations = EditorCorpus.insertAnnotations(jdbc, project, source, text, size.annotations());
        System.out.printf(Locale.ROOT, "%n== %s: %,d characters, %,d passages, %,d annotations%n", size.name(),
                text.text().length(), text.passages().size(), annotations);
        // Open: the component holds every passage and every annotation, and every chunk of passages that shows in the
        // text's box has its highlights drawn (a component that draws lazily marks drawn chunks data-drawn; one that
        // draws everything at once, the one before issue 21 round 2, has no lazy body and is drawn when complete).
        String drawn = "() => { const t = document.querySelector('annals-text');"
                + " if (!t || !t.passageEls || t.passageEls.length !== " + text.passages().size()
                + " || !t.annotations || t.annotations.size < " + annotations + ") return false;"
                + " return " + EditorCorpus.UNDRAWN_IN_VIEW + "(t) === 0; }";
        String frameSinceStart = "() => new Promise(r => requestAnimationFrame(() => r(performance.now())))";
        String frameSinceClick = "() => new Promise(r => requestAnimationFrame(() => r(performance.now() - window.__clicked)))";
        String frameSinceCall = "() => new Promise(r => requestAnimationFrame(() => r(performance.now() - window.__called)))";

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(120_000);
        boolean inPage = !"harness".equals(System.getProperty("annals.bench.timing", "page"));
        if (inPage) {
            context.addInitScript(EditorCorpus.DRAWN_RECORDER.replace("DRAWN", drawn));
        }
        // -Dannals.bench.css='...': a style sheet added to every page, to try what a style costs (an experiment, not
        // the product: e.g. the highlights' backgrounds left out while scrolling).
        String css = System.getProperty("annals.bench.css");
        if (css != null) {
            context.addInitScript("document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style');"
                    + " s.textContent = " + new tools.jackson.databind.ObjectMapper().writeValueAsString(css)
                    + "; document.head.appendChild(s); });");
        }
        Page page = context.newPage();
        EditorCorpus.signIn(page, port, editor.getUsername());
        String sourceUrl = url("projects/" + project + "/sources/" + source);
        String listUrl = url("projects/" + project + "/sources");
        var responses = new CopyOnWriteArrayList<Request>();
        page.onRequestFinished(responses::add);

        var fullLoad = new ArrayList<Double>();
        var inApp = new ArrayList<Double>();
        var inAppFromCall = new ArrayList<Double>();
        var fullNext = new ArrayList<Double>(); // the frame after, as the harness's clock took it (page's clock)
        var firstScreen = new ArrayList<Double>(); // the first frame with the text in view, from the page or the view
        int firstScreensShown = 0;
        // -Dannals.bench.first-screen=off: each full load as on a browser that has no place kept for the first screen
        boolean firstScreenOff = "off".equals(System.getProperty("annals.bench.first-screen"));
        var inAppNext = new ArrayList<Double>();
        // Where a full load's time goes before the first frame: the navigation's own timing, per phase.
        var phases = new java.util.LinkedHashMap<String, List<Double>>();
        long firstMessage = 0;
        long textBytes = 0;
        long otherBytes = 0;
        int runs = Integer.getInteger("annals.bench.runs", size.characters() > 2_000_000 ? 5 : 7);
        for (int i = 0; i < runs + 1; i++) {
            if (firstScreenOff) {
                page.evaluate("() => localStorage.removeItem('annals-first-screen')");
            }
            page.navigate(sourceUrl);
            double full = inPage ? EditorCorpus.recordedFrame(page, "__drawnFrame", "0")
                    : waitAndTime(page, drawn, frameSinceStart);
            if (inPage) {
                fullNext.add(EditorCorpus.recordedFrame(page, "__nextFrame", "0"));
                if (i > 0) {
                    @SuppressWarnings("unchecked")
                    var timing = (Map<String, Number>) page.evaluate(NAVIGATION_PHASES);
                    timing.forEach((phase, ms) -> phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(ms.doubleValue()));
                    firstScreen.add(EditorCorpus.recordedFrame(page, "__firstScreenFrame", "0"));
                    firstScreensShown += Boolean.TRUE.equals(page.evaluate("() => window.__firstScreenShown")) ? 1 : 0;
                }
            }

            page.navigate(listUrl);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).waitFor();
            responses.clear();
            page.evaluate(MARK_CLICK);
            if (inPage) {
                page.evaluate("() => window.__watchDrawn()");
            }
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            double app = inPage ? EditorCorpus.recordedFrame(page, "__drawnFrame", "window.__clicked")
                    : waitAndTime(page, drawn, frameSinceClick);
            double call = inPage ? EditorCorpus.recordedFrame(page, "__drawnFrame", "window.__called")
                    : ((Number) page.evaluate(frameSinceCall)).doubleValue();
            if (inPage) {
                inAppNext.add(EditorCorpus.recordedFrame(page, "__nextFrame", "window.__clicked"));
            }
            if (i > 0) { // the first run of each warms the server's and the browser's caches
                fullLoad.add(full);
                inApp.add(app);
                inAppFromCall.add(call);
            }
            long message = 0;
            long texts = 0;
            long others = 0;
            for (Request r : List.copyOf(responses)) {
                long bytes = r.sizes().responseBodySize;
                if (r.url().contains("v-r=uidl") && message == 0) {
                    message = bytes;
                } else if ("fetch".equals(r.resourceType())) {
                    texts += bytes;
                } else if (!r.url().contains("v-r=uidl")) {
                    others += bytes;
                }
            }
            firstMessage = message;
            textBytes = texts;
            otherBytes = others;
        }
        System.out.printf(Locale.ROOT, "open times taken %s%n", inPage
                ? "in the page: the first frame in which every highlight in view is drawn (its own check at the start of"
                        + " every frame; -Dannals.bench.timing=harness for Playwright's polling and the frame after)"
                : "by the harness (Playwright's polling, then a frame: the measure until session 15)");
        if (inPage) {
            System.out.printf(Locale.ROOT, "open, full page load to every highlight in view drawn, by the page's first"
                    + " screen or the view (ms): %s; the first screen shown in %d of %d loads%n",
                    EditorCorpus.summary(firstScreen), firstScreensShown, firstScreen.size());
        }
        phases.forEach((phase, ms) -> System.out.printf(Locale.ROOT, "  full page load, %s (ms after navigation start): %s%n",
                phase, EditorCorpus.summary(ms)));
        System.out.printf(Locale.ROOT, "open, full page load to every highlight drawn by the view (ms): %s%n",
                EditorCorpus.summary(fullLoad));
        System.out.printf(Locale.ROOT, "open, in the app (click in the library) to every highlight drawn (ms): %s%n",
                EditorCorpus.summary(inApp));
        System.out.printf(Locale.ROOT, "  the same, timed from the harness's click call, Playwright's checks before the click"
                + " included (the measure until session 12) (ms): %s%n", EditorCorpus.summary(inAppFromCall));
        if (inPage) {
            // The first of each run is dropped like the others' (warming the caches).
            System.out.printf(Locale.ROOT, "  the frame after, as the harness's clock took it: full page load (ms): %s;"
                    + " in the app (ms): %s%n", EditorCorpus.summary(fullNext.subList(1, fullNext.size())),
                    EditorCorpus.summary(inAppNext.subList(1, inAppNext.size())));
        }
        System.out.printf(Locale.ROOT, "bytes on the wire opening it in the app: first message %,d; fetched by the component %,d;"
                + " other downloads %,d%n", firstMessage, textBytes, otherBytes);

        // One annotation through the UI: select, key "5" (claim), "No link yet", Save; until it is drawn. The
        // issue's budget is for the 100 KB source; on the larger ones the harness's wait for the new highlight
        // did not see it drawn (the passage chosen lies far from the view), so it is measured there only.
        page.navigate(sourceUrl);
        page.waitForFunction(drawn);
        var create = new ArrayList<Double>();
        var passages = text.passages();
        for (int i = 0; i < (size.characters() <= 100_000 ? 8 : 0); i++) {
            SourceText.Passage p = passages.get(passages.size() / 2 + i * 3);
            EditorCorpus.prepareClaim(page, text, p);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save to draft")).click();
            page.waitForFunction("() => window.__drawn > 0");
            create.add(((Number) page.evaluate(EditorCorpus.CREATED)).doubleValue());
            page.waitForTimeout(300);
        }
        if (!create.isEmpty()) {
            System.out.printf(Locale.ROOT, "create one annotation, Save click to highlight painted (ms): %s%n",
                    EditorCorpus.summary(create.subList(2, create.size())));
        }

        // Scrolling: frame times while the page scrolls 60 px a frame (reading), then through the whole text.
        page.navigate(sourceUrl);
        page.waitForFunction(drawn);
        page.waitForTimeout(500);
        @SuppressWarnings("unchecked")
        var reading = ((List<Number>) page.evaluate(scroll(false))).stream().map(Number::doubleValue).toList();
        // -Dannals.bench.trace-scroll=true: a Chromium trace of the whole-text scroll (-Dannals.profile.js=true adds
        // V8's sampling profiler), written to target/editor-scroll-<size>.trace.json, to find where its long frames go.
        boolean traceScroll = Boolean.getBoolean("annals.bench.trace-scroll");
        if (traceScroll) {
            browser.startTracing(page, new Browser.StartTracingOptions().setCategories(EditorCorpus.traceCategories()));
        }
        @SuppressWarnings("unchecked")
        var whole = ((List<Number>) page.evaluate(scroll(true))).stream().map(Number::doubleValue).toList();
        if (traceScroll) {
            Path trace = Path.of("target", "editor-scroll-" + size.name().replace(" ", "").toLowerCase(Locale.ROOT)
                    + ".trace.json");
            Files.write(trace, browser.stopTracing());
            System.out.println("trace of the whole-text scroll: " + trace);
        }
        System.out.printf(Locale.ROOT, "scrolling at reading pace, frame time (ms): %s; frames over 20 ms: %d%n",
                EditorCorpus.summary(reading), reading.stream().filter(f -> f > 20).count());
        System.out.printf(Locale.ROOT, "scrolling through the whole text, frame time (ms): %s; frames over 20 ms: %d%n",
                EditorCorpus.summary(whole), whole.stream().filter(f -> f > 20).count());

        // Blank flashes: the whole-text scroll again, untimed, counting frames in which a chunk in the text's box is
        // not drawn yet (its highlights missing). Counted apart so the check's layout reads do not disturb the timing.
        page.navigate(sourceUrl);
        page.waitForFunction(drawn);
        page.waitForTimeout(500);
        @SuppressWarnings("unchecked")
        var undrawn = ((List<Number>) page.evaluate(scrollCountingUndrawn())).stream().map(Number::intValue).toList();
        System.out.printf(Locale.ROOT, "scrolling through the whole text: frames with an undrawn chunk in view: %d of %d%n",
                undrawn.stream().filter(n -> n > 0).count(), undrawn.size());

        profile(browser, page, listUrl, title, drawn);

        // Slow networks, through Chromium's network emulation (HTTP compression on, as configured):
        // "Fast 3G" as the harness measured it before (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trips) and
        // DevTools' "Slow 4G" preset (1.44 Mbit/s down, 675 kbit/s up, 562.5 ms round trips).
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Network.enable");
        for (var network : List.of(new Network("Fast 3G", 150, 1_600_000 / 8, 750_000 / 8),
                new Network("Slow 4G", 562.5, 180_000, 84_375))) {
            var throttle = new com.google.gson.JsonObject();
            throttle.addProperty("offline", false);
            throttle.addProperty("latency", network.latencyMs());
            throttle.addProperty("downloadThroughput", network.downBytesPerSecond());
            throttle.addProperty("uploadThroughput", network.upBytesPerSecond());
            cdp.send("Network.emulateNetworkConditions", throttle);
            var slow = new ArrayList<Double>();
            for (int i = 0; i < 3; i++) {
                page.navigate(listUrl);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).waitFor();
                page.evaluate(MARK_CLICK);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
                page.waitForFunction(drawn);
                slow.add(((Number) page.evaluate(frameSinceClick)).doubleValue());
            }
            var full = new ArrayList<Double>();
            for (int i = 0; i < 3; i++) {
                page.navigate(sourceUrl);
                page.waitForFunction(drawn);
                full.add(((Number) page.evaluate(frameSinceStart)).doubleValue());
            }
            System.out.printf(Locale.ROOT, "over %s: open in the app (ms): %s; full load (ms): %s%n", network.name(),
                    EditorCorpus.summary(slow), EditorCorpus.summary(full));
        }
        context.close();
        System.out.printf(Locale.ROOT, "server resident memory after this size: %s; load average %s%n",
                residentMemory(), loadAverage());
        assertThat(fullLoad).hasSize(runs);
    }

    /** Playwright's polling until {@code drawn}, then the time of the next frame (the measure until session 15). */
    private static double waitAndTime(Page page, String drawn, String frame) {
        page.waitForFunction(drawn);
        return ((Number) page.evaluate(frame)).doubleValue();
    }

    /** A network as Chromium's emulation takes it. */
    private record Network(String name, double latencyMs, int downBytesPerSecond, int upBytesPerSecond) {
    }

    /** The whole-text scroll of {@link #scroll}, returning per frame how many chunks in view were not drawn. */
    private static String scrollCountingUndrawn() {
        return """
                () => new Promise(resolve => {
                  const undrawn = %s;
                  const el = document.querySelector('annals-text');
                  const max = el.scrollHeight - el.clientHeight;
                  const step = Math.max(60, max / 600);
                  el.scrollTop = 0;
                  const counts = [];
                  let n = 0;
                  const tick = () => {
                    counts.push(undrawn(el));
                    el.scrollTop += step;
                    if (++n < 600) requestAnimationFrame(tick); else resolve(counts);
                  };
                  requestAnimationFrame(() => requestAnimationFrame(tick));
                })""".formatted(EditorCorpus.UNDRAWN_IN_VIEW);
    }

    /**
     * Where one warm in-app open spends its time: a Chromium performance trace of the renderer's main thread (busy time
     * by event name), the downloads' resource timings (waiting for the server's first byte, then the transfer, bytes on
     * the wire and unpacked) and the component's own marks, relative to the click.
     */
    private void profile(Browser browser, Page page, String listUrl, String title, String drawn) throws Exception {
        page.navigate(listUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).waitFor();
        page.evaluate("() => { performance.clearResourceTimings(); performance.clearMarks(); performance.clearMeasures(); }");
        browser.startTracing(page, new Browser.StartTracingOptions().setCategories(EditorCorpus.traceCategories()));
        page.evaluate(MARK_CLICK);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        page.waitForFunction(drawn);
        double open = ((Number) page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => r(performance.now() - window.__clicked)))")).doubleValue();
        byte[] trace = browser.stopTracing();
        System.out.printf(Locale.ROOT, "profile of one in-app open (%.0f ms from the click to the first frame drawn):%n", open);
        Object timeline = page.evaluate("""
                () => {
                  const t0 = window.__clicked, f = x => Math.round(x - t0);
                  const rows = [];
                  for (const r of performance.getEntriesByType('resource')) {
                    if (r.initiatorType !== 'fetch' && r.initiatorType !== 'xmlhttprequest') continue;
                    const name = r.name.includes('v-r=uidl') ? 'uidl' : r.name.split('?')[0].split('/').filter(Boolean).pop().slice(0, 40);
                    rows.push(`  ${name}: sent ${f(r.requestStart || r.startTime)}, first byte ${f(r.responseStart)},`
                      + ` done ${f(r.responseEnd)} ms; ${r.encodedBodySize} bytes on the wire, ${r.decodedBodySize} unpacked`);
                  }
                  for (const m of performance.getEntriesByType('measure')) {
                    if (m.name.startsWith('annals')) rows.push(`  ${m.name}: ${f(m.startTime)} to ${f(m.startTime + m.duration)} ms`);
                  }
                  return rows.join('\\n');
                }""");
        System.out.println(timeline);
        var events = com.google.gson.JsonParser.parseString(new String(trace, java.nio.charset.StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("traceEvents");
        var mainThreads = new java.util.HashSet<String>();
        for (var e : events) {
            var o = e.getAsJsonObject();
            if ("thread_name".equals(o.get("name").getAsString()) && o.has("args")
                    && "CrRendererMain".equals(o.getAsJsonObject("args").get("name").getAsString())) {
                mainThreads.add(o.get("pid").getAsString() + "/" + o.get("tid").getAsString());
            }
        }
        var byThread = new java.util.HashMap<String, Map<String, Double>>();
        for (var e : events) {
            var o = e.getAsJsonObject();
            if (!o.has("ph") || !"X".equals(o.get("ph").getAsString()) || !o.has("dur")) {
                continue;
            }
            String thread = o.get("pid").getAsString() + "/" + o.get("tid").getAsString();
            if (mainThreads.contains(thread)) {
                byThread.computeIfAbsent(thread, k -> new java.util.HashMap<>())
                        .merge(o.get("name").getAsString(), o.get("dur").getAsDouble() / 1000, Double::sum);
            }
        }
        var busiest = byThread.values().stream()
                .max(java.util.Comparator.comparingDouble(m -> m.getOrDefault("RunTask", 0.0))).orElse(Map.of());
        System.out.println("  renderer main thread, ms by trace event (nested events are counted in their parents too):");
        busiest.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(16)
                .forEach(en -> System.out.printf(Locale.ROOT, "    %-40s %8.1f%n", en.getKey(), en.getValue()));
    }

    /** Scrolls the text (its own scrolling box) frame by frame and returns the times between frames. */
    private static String scroll(boolean wholeText) {
        return """
                () => new Promise(resolve => {
                  const whole = %s;
                  const el = document.querySelector('annals-text');
                  const max = el.scrollHeight - el.clientHeight;
                  const frames = whole ? 600 : 300;
                  const step = whole ? Math.max(60, max / frames) : 60;
                  el.scrollTop = whole ? 0 : max / 3;
                  const deltas = [];
                  let last = performance.now();
                  let n = 0;
                  const tick = (now) => {
                    deltas.push(now - last);
                    last = now;
                    el.scrollTop += step;
                    if (++n < frames) requestAnimationFrame(tick); else resolve(deltas.slice(1));
                  };
                  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
                })""".formatted(wholeText);
    }

    private static String residentMemory() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS unknown").replaceAll("\\s+", " ");
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
