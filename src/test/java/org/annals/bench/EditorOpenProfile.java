package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21, the 100 KB document: where opening it (full page load and in the app) and creating one annotation spend
 * their time. For each: the browser's waterfall (navigation and resource timing inside the page: when each request
 * started and ended, its bytes on the wire, 0 when it came from the cache), what the server did for each request
 * ({@link RequestLedger}: time, SQL statements) and the renderer's main thread from a Chromium trace (time per kind of
 * task). Not a test of the application; a profile printed to the test's output.
 * <pre>./mvnw test -Pbenchmark -Dtest=EditorOpenProfile</pre>
 * {@code -Dannals.profile.first-screen=off} takes the full load without the source's first screen;
 * {@code -Dannals.profile.creates=N} creates N annotations instead of 4 (the last two printed), for a profiler attached
 * to the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = {"annals.security.login-throttle.max-failures-per-address=1000", "vaadin.productionMode=true"})
@Import(RequestLedger.class)
@Tag("benchmark")
@Tag("production-mode")
class EditorOpenProfile {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;
    @Autowired
    JdbcTemplate jdbc;

    /** Resource timing of everything the page loaded since a moment (ms since navigation start). */
    private static final String WATERFALL = """
            since => {
              const rows = [];
              const nav = performance.getEntriesByType('navigation')[0];
              if (since === 0 && nav) rows.push(['page ' + location.pathname, nav.startTime, nav.requestStart,
                  nav.responseStart, nav.responseEnd, nav.transferSize, nav.encodedBodySize,
                  'DOMContentLoaded ' + nav.domContentLoadedEventEnd.toFixed(1) + ', load ' + nav.loadEventEnd.toFixed(1)]);
              for (const r of performance.getEntriesByType('resource')) {
                if (r.startTime < since) continue;
                rows.push([r.name.replace(location.origin, '').replace(/v-uiId=\\d+&?/, '').slice(0, 90), r.startTime,
                    r.requestStart, r.responseStart, r.responseEnd, r.transferSize, r.encodedBodySize, r.initiatorType]);
              }
              return rows;
            }""";

    @Test
    void where_the_100_kb_document_spends_its_time() throws Exception {
        AnnalsPrincipal editor = fixtures.newUser("profile");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        String title = "Profile 100 KB";
        UUID source = fixtures.newSource(project, editor, title, EditorCorpus.paragraphs(100_000));
        SourceText text = Fixtures.as(editor, () -> sources.read(project, source));
        int annotations = EditorCorpus.insertAnnotations(jdbc, project, source, text, 500);
        System.out.printf(Locale.ROOT, "%n== profile: %,d characters, %,d passages, %,d annotations; load %s%n",
                text.text().length(), text.passages().size(), annotations, loadAverage());
        String drawn = "() => { const t = document.querySelector('annals-text');"
                + " return !!t && !!t.passageEls && t.passageEls.length === " + text.passages().size()
                + " && !!t.annotations && t.annotations.size >= " + annotations + "; }";
        String frameSinceStart = "() => new Promise(r => requestAnimationFrame(() => r(performance.now())))";
        String sourceUrl = "http://localhost:" + port + "/projects/" + project + "/sources/" + source;
        String listUrl = "http://localhost:" + port + "/projects/" + project + "/sources";

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            context.setDefaultTimeout(120_000);
            if (Boolean.getBoolean("annals.profile.elements")) {
                context.addInitScript(ELEMENT_TIMES);
            }
            Page page = context.newPage();
            EditorCorpus.signIn(page, port, editor.getUsername());
            for (int i = 0; i < 4; i++) { // warm the server's and the browser's caches
                page.navigate(sourceUrl);
                page.waitForFunction(drawn);
                page.navigate(listUrl);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
                page.waitForFunction(drawn);
            }

            // Full page load.
            page.navigate(listUrl);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).waitFor();
            page.waitForTimeout(300);
            RequestLedger.drain();
            long background = RequestLedger.BACKGROUND.get(0);
            if ("off".equals(System.getProperty("annals.profile.first-screen"))) {
                // As on a browser that kept no place for the source's first screen (EditorFirstResponse).
                page.evaluate("() => localStorage.removeItem('annals-first-screen')");
            }
            browser.startTracing(page, new Browser.StartTracingOptions().setCategories(EditorCorpus.traceCategories()));
            var messages = new java.util.concurrent.CopyOnWriteArrayList<com.microsoft.playwright.Request>();
            java.util.function.Consumer<com.microsoft.playwright.Request> uidl = request -> {
                if (request.url().contains("v-r=uidl")) {
                    messages.add(request);
                }
            };
            page.onRequestFinished(uidl);
            page.navigate(sourceUrl);
            page.waitForFunction(drawn);
            double full = ((Number) page.evaluate(frameSinceStart)).doubleValue();
            byte[] trace = browser.stopTracing();
            page.waitForTimeout(300);
            page.offRequestFinished(uidl);
            System.out.printf(Locale.ROOT, "%n-- full page load: every highlight drawn at %.1f ms (load %s)%n", full,
                    loadAverage());
            System.out.println("component's marks since navigation start: " + page.evaluate(COMPONENT_MARKS));
            System.out.println("custom elements on the page (count by name): " + page.evaluate(CUSTOM_ELEMENTS));
            if (Boolean.getBoolean("annals.profile.elements")) {
                System.out.println("time in custom elements' own methods during the load (ms, largest first): "
                        + page.evaluate("() => [...window.__elementTimes].sort((a, b) => b[1] - a[1]).slice(0, 30)"
                        + ".map(([k, v]) => k + ' ' + v.toFixed(1)).join(', ')"));
            }
            System.out.println("the page's inline scripts (characters, first words): " + page.evaluate(
                    "() => [...document.scripts].filter(s => !s.src).map(s => s.text.length + ' ' + s.text.trim()"
                    + ".slice(0, 60).replace(/\\s+/g, ' ')).join(' | ')"));
            Files.writeString(Path.of("target", "editor-open-initial-uidl.js"), (String) page.evaluate(
                    "() => [...document.scripts].filter(s => !s.src).map(s => s.text).reduce((a, b) => a.length > b.length ? a : b)"));
            printWaterfall(page.evaluate(WATERFALL, 0));
            printLedger(RequestLedger.drain(), RequestLedger.BACKGROUND.get(0) - background);
            printTrace(trace, "full");
            printMessages(messages);

            printCacheHeaders(context, page.evaluate(WATERFALL, 0));

            // In the app: click in the library.
            page.navigate(listUrl);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).waitFor();
            page.waitForTimeout(300);
            RequestLedger.drain();
            background = RequestLedger.BACKGROUND.get(0);
            browser.startTracing(page, new Browser.StartTracingOptions().setCategories(EditorCorpus.traceCategories()));
            RequestLedger.SQL.clear();
            RequestLedger.recordSql = true;
            double clicked = ((Number) page.evaluate("() => window.__clicked = performance.now()")).doubleValue();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            page.waitForFunction(drawn);
            double app = ((Number) page.evaluate(
                    "() => new Promise(r => requestAnimationFrame(() => r(performance.now() - window.__clicked)))"))
                    .doubleValue();
            trace = browser.stopTracing();
            System.out.printf(Locale.ROOT, "%n-- in the app: every highlight drawn %.1f ms after the click (load %s);"
                    + " times below are since the click%n", app, loadAverage());
            printWaterfall(shift(page.evaluate(WATERFALL, clicked), clicked));
            printLedger(RequestLedger.drain(), RequestLedger.BACKGROUND.get(0) - background);
            RequestLedger.recordSql = false;
            printSql();
            printTrace(trace, "in-app");
            repeatInApp(page, listUrl, title, drawn);
            repeatPageLoads(page, sourceUrl, drawn);
            pageRequestsAlone(context, sourceUrl);

            // Create one annotation: the Save click to the new highlight painted.
            var passages = text.passages();
            int creates = Integer.getInteger("annals.profile.creates", 4);
            for (int i = 0; i < creates; i++) {
                SourceText.Passage p = passages.get((passages.size() / 2 + i * 3) % passages.size());
                EditorCorpus.prepareClaim(page, text, p);
                RequestLedger.SQL.clear();
                RequestLedger.recordSql = i == creates - 1;
                RequestLedger.drain();
                background = RequestLedger.BACKGROUND.get(0);
                double before = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save to draft")).click();
                page.waitForFunction("() => window.__drawn > 0");
                double created = ((Number) page.evaluate(EditorCorpus.CREATED)).doubleValue();
                if (i >= creates - 2) {
                    double mutated = ((Number) page.evaluate(EditorCorpus.MUTATED)).doubleValue();
                    double clickAt = ((Number) page.evaluate("() => window.__saved")).doubleValue() - before;
                    System.out.printf(Locale.ROOT, "%n-- create %d: Save click to highlight painted %.1f ms, in the DOM at"
                            + " %.1f ms; the click at +%.1f ms below (load %s)%n", i, created, mutated, clickAt,
                            loadAverage());
                    printWaterfall(shift(page.evaluate(WATERFALL, before), before));
                    printLedger(RequestLedger.drain(), RequestLedger.BACKGROUND.get(0) - background);
                }
                page.waitForTimeout(300);
            }
            RequestLedger.recordSql = false;
            printSql();
            context.close();
            assertThat(full).isPositive();
        }
    }

    private static void printSql() {
        System.out.println("SQL prepared on request threads (count, statement):");
        var counts = new java.util.LinkedHashMap<String, Integer>();
        RequestLedger.SQL.forEach(s -> counts.merge(s, 1, Integer::sum));
        counts.forEach((sql, n) -> System.out.printf(Locale.ROOT, "  %3d  %s%n", n, sql));
    }

    /** What the server says about caching the page's scripts, styles and images. */
    @SuppressWarnings("unchecked")
    private void printCacheHeaders(BrowserContext context, Object rows) {
        System.out.println("caching headers of what the page loaded:");
        for (List<Object> row : (List<List<Object>>) rows) {
            String path = (String) row.get(0);
            if (path.startsWith("page ") || path.contains("v-r=")) {
                continue;
            }
            var response = context.request().get("http://localhost:" + port + path);
            System.out.printf(Locale.ROOT, "  %-70s %d cache-control=%s etag=%s last-modified=%s expires=%s pragma=%s%n",
                    path.length() > 70 ? path.substring(0, 70) : path, response.status(),
                    response.headers().get("cache-control"), response.headers().get("etag"),
                    response.headers().get("last-modified"), response.headers().get("expires"),
                    response.headers().get("pragma"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object shift(Object rows, double origin) {
        var shifted = new ArrayList<List<Object>>();
        for (List<Object> row : (List<List<Object>>) rows) {
            var copy = new ArrayList<>(row);
            for (int i = 1; i <= 4; i++) {
                copy.set(i, ((Number) row.get(i)).doubleValue() - origin);
            }
            shifted.add(copy);
        }
        return shifted;
    }

    @SuppressWarnings("unchecked")
    private static void printWaterfall(Object rows) {
        System.out.println("browser: request | start | request sent | first byte | last byte (ms) | bytes on the wire"
                + " (0 = cache) | body bytes");
        for (List<Object> row : (List<List<Object>>) rows) {
            System.out.printf(Locale.ROOT, "  %-90s %7.1f %7.1f %7.1f %7.1f %9d %9d %s%n", row.get(0),
                    ((Number) row.get(1)).doubleValue(), ((Number) row.get(2)).doubleValue(),
                    ((Number) row.get(3)).doubleValue(), ((Number) row.get(4)).doubleValue(),
                    ((Number) row.get(5)).longValue(), ((Number) row.get(6)).longValue(), row.get(7));
        }
    }

    private static void printLedger(List<RequestLedger.Entry> entries, long backgroundStatements) {
        System.out.println("server: request | status | time on the server | SQL statements on its thread");
        long first = entries.isEmpty() ? 0 : entries.getFirst().startedNanos();
        for (RequestLedger.Entry e : entries) {
            System.out.printf(Locale.ROOT, "  +%7.1f ms  %s%n", (e.startedNanos() - first) / 1e6, e);
        }
        System.out.printf(Locale.ROOT, "  SQL statements off request threads meanwhile: %d%n", backgroundStatements);
    }

    /**
     * The renderer's main thread in the traced window: its busy time (top-level tasks) and the time per kind of
     * event (events nest, e.g. a layout forced inside a script call counts under both).
     */
    private static void printTrace(byte[] trace, String name) throws Exception {
        Path file = Path.of("target", "editor-open-" + name + ".trace.json");
        Files.write(file, trace);
        JsonObject root = JsonParser.parseString(new String(trace, StandardCharsets.UTF_8)).getAsJsonObject();
        var events = root.getAsJsonArray("traceEvents");
        // The renderer's main thread: the thread named CrRendererMain with the most events.
        Map<String, Integer> perThread = new TreeMap<>();
        var mainThreads = new java.util.HashSet<String>();
        for (JsonElement el : events) {
            JsonObject e = el.getAsJsonObject();
            String key = e.get("pid") + ":" + e.get("tid");
            perThread.merge(key, 1, Integer::sum);
            if ("M".equals(str(e, "ph")) && "thread_name".equals(str(e, "name"))
                    && "CrRendererMain".equals(e.getAsJsonObject("args").get("name").getAsString())) {
                mainThreads.add(key);
            }
        }
        String main = mainThreads.stream().max(java.util.Comparator.comparingInt(k -> perThread.getOrDefault(k, 0)))
                .orElse("");
        Map<String, double[]> byName = new TreeMap<>();
        for (JsonElement el : events) {
            JsonObject e = el.getAsJsonObject();
            if (!main.equals(e.get("pid") + ":" + e.get("tid")) || !"X".equals(str(e, "ph")) || !e.has("dur")) {
                continue;
            }
            double[] sum = byName.computeIfAbsent(str(e, "name"), k -> new double[2]);
            sum[0] += e.get("dur").getAsDouble() / 1000;
            sum[1]++;
        }
        System.out.printf(Locale.ROOT, "renderer main thread (trace in %s): ms and count per event, largest first%n",
                file);
        byName.entrySet().stream().filter(en -> en.getValue()[0] >= 2)
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(18)
                .forEach(en -> System.out.printf(Locale.ROOT, "  %-32s %8.1f ms %6d%n", en.getKey(),
                        en.getValue()[0], (long) en.getValue()[1]));
    }

    /** Vaadin's messages of the page load, both ways, shortened: what each round trip after the first answer was for. */
    private static void printMessages(List<com.microsoft.playwright.Request> messages) {
        System.out.println("Vaadin's messages after the page (request → answer, first 400 characters each):");
        for (var request : messages) {
            String sent = java.util.Objects.requireNonNullElse(request.postData(), "");
            String answer = request.response() == null ? "" : request.response().text();
            System.out.printf(Locale.ROOT, "  %,d → %,d bytes%n    sent: %s%n    answer: %s%n", sent.length(),
                    answer.length(), sent.substring(0, Math.min(400, sent.length())),
                    answer.substring(0, Math.min(400, answer.length())));
        }
    }

    private static String str(JsonObject e, String field) {
        JsonElement v = e.get(field);
        return v == null || v.isJsonNull() ? "" : v.getAsString();
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /**
     * With {@code -Dannals.profile.repeat=N}: N more opens in the app, untraced, so that a profiler attached to
     * the server (e.g. {@code -DargLine=-XX:StartFlightRecording=...}) has enough samples of building the editor.
     */
    private static void repeatInApp(Page page, String listUrl, String title, String drawn) {
        int repeat = Integer.getInteger("annals.profile.repeat", 0);
        for (int i = 0; i < repeat; i++) {
            page.navigate(listUrl);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            page.waitForFunction(drawn);
        }
        if (repeat > 0) {
            System.out.printf(Locale.ROOT, "-- %d more opens in the app, untraced%n", repeat);
        }
    }

    /**
     * With {@code -Dannals.profile.pages=N}: N more full page loads of the source, untraced, for a profiler attached
     * to the server (the page request builds the view and writes it into the page: EditorFirstResponse).
     */
    private static void repeatPageLoads(Page page, String sourceUrl, String drawn) {
        int pages = Integer.getInteger("annals.profile.pages", 0);
        for (int i = 0; i < pages; i++) {
            page.navigate(sourceUrl);
            page.waitForFunction(drawn);
        }
        if (pages > 0) {
            System.out.printf(Locale.ROOT, "-- %d more full page loads, untraced%n", pages);
        }
    }

    /**
     * With {@code -Dannals.profile.gets=N}: N requests for the source's page with the browser's cookies but no
     * browser (nothing runs the page), one after another: the server's time for the page when nothing else competes
     * for the machine, beside what it takes during a page load in Chromium.
     */
    private static void pageRequestsAlone(BrowserContext context, String sourceUrl) {
        int gets = Integer.getInteger("annals.profile.gets", 0);
        if (gets == 0) {
            return;
        }
        RequestLedger.drain();
        var client = new ArrayList<Double>();
        for (int i = 0; i < gets; i++) {
            long start = System.nanoTime();
            var response = context.request().get(sourceUrl);
            assertThat(response.status()).isEqualTo(200);
            client.add((System.nanoTime() - start) / 1e6);
        }
        var server = RequestLedger.drain().stream().filter(e -> e.what().contains("/sources/"))
                .map(RequestLedger.Entry::millis).sorted().toList();
        client.sort(null);
        System.out.printf(Locale.ROOT, "-- %d page requests without a browser: client median %.1f ms, server median %.1f"
                + " ms (min %.1f, max %.1f)%n", gets, client.get(gets / 2), server.get(server.size() / 2), server.get(0),
                server.get(server.size() - 1));
    }

    /**
     * With {@code -Dannals.profile.elements=true}: every custom element class defined on the page gets its
     * constructor-time methods wrapped (connectedCallback, Lit's performUpdate, firstUpdated, updated), so that
     * the time each kind of element costs while Vaadin's client builds the view can be read after the load. The
     * wrappers cost a little themselves; a profile, not a measure of the budget.
     */
    private static final String ELEMENT_TIMES = """
            (() => {
              const times = new Map();
              window.__elementTimes = times;
              const define = customElements.define.bind(customElements);
              customElements.define = (name, cls, options) => {
                for (const method of ['connectedCallback', 'performUpdate', 'firstUpdated', 'updated']) {
                  const own = cls.prototype[method];
                  if (typeof own !== 'function') continue;
                  cls.prototype[method] = function (...args) {
                    const start = performance.now();
                    try { return own.apply(this, args); } finally {
                      const key = name + ' ' + method;
                      times.set(key, (times.get(key) ?? 0) + performance.now() - start);
                    }
                  };
                }
                return define(name, cls, options);
              };
            })();""";

    /** How many custom elements of each name the page holds, shadow roots included, most first. */
    private static final String CUSTOM_ELEMENTS = """
            () => {
              const counts = new Map();
              const walk = (root) => {
                for (const el of root.querySelectorAll('*')) {
                  if (el.localName.includes('-')) counts.set(el.localName, (counts.get(el.localName) ?? 0) + 1);
                  if (el.shadowRoot) walk(el.shadowRoot);
                }
              };
              walk(document);
              return [...counts].sort((a, b) => b[1] - a[1]).map(([n, c]) => n + ' ' + c).join(', ');
            }""";

    /** The text component's own marks and measures (load() called, the draw), since the page's time origin. */
    private static final String COMPONENT_MARKS = """
            () => performance.getEntries().filter(e => e.name.startsWith('annals-text'))
              .map(e => `${e.name} ${e.startTime.toFixed(1)}${e.duration ? '+' + e.duration.toFixed(1) : ''}`).join('; ')""";
}
