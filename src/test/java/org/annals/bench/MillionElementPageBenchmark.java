package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import java.util.function.Supplier;
import org.annals.e2e.Browsers;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.source.fetch.UrlImportService;
import org.annals.support.Fixtures;
import org.annals.support.HeapPeaks;
import org.annals.support.LocalWebServer;
import org.annals.support.MarkupHeavyPage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 21's million-element HTML page (not part of the normal test run): a news page of about 900,000 visible
 * characters in 8.4 MB and 920,000 elements ({@link MarkupHeavyPage}), imported as an upload and by address from a
 * web server on 127.0.0.1, against a plain text of the same visible text. Measures the preview (decode and parse), the
 * import (freeze and store), the heap the preview takes, what is stored (rows and bytes per table), reading the
 * source on the server, and opening it in the editor in Chromium (navigation start, or the click in the library, to
 * the first frame after every passage is drawn), with the application in production mode.
 * <pre>./mvnw test -Pbenchmark -Dtest=MillionElementPageBenchmark</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = {"annals.security.login-throttle.max-failures-per-address=1000", "vaadin.productionMode=true"})
@Tag("benchmark")
@Tag("production-mode")
class MillionElementPageBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    SourceImportService imports;
    @Autowired
    UrlImportService urls;
    @Autowired
    SourceService sources;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void theLocalWebServerMayBeFetched(DynamicPropertyRegistry registry) {
        registry.add("annals.fetch.allowed-private-hosts", () -> LocalWebServer.shared().allowedHost());
        registry.add("annals.fetch.read-timeout", () -> "60s");
    }

    @Test
    void the_million_element_page() throws Exception {
        AnnalsPrincipal editor = fixtures.newUser("million");
        MarkupHeavyPage.Page page = MarkupHeavyPage.generate(900_000, 1);
        byte[] html = page.bytes();
        String address = LocalWebServer.shared().serve("million.html", "text/html; charset=utf-8", html);
        System.out.printf(Locale.ROOT, "%nmillion-element page: %,d bytes, %,d elements, %,d visible characters;"
                + " load average %s%n", html.length, page.elements(), page.visibleCharacters(), loadAverage());

        // Warm-up: the JIT on the whole path, on a page a tenth the size.
        byte[] small = MarkupHeavyPage.generate(90_000, 1).bytes();
        for (int i = 0; i < 3; i++) {
            UUID project = projectOf(editor);
            store(editor, project, Fixtures.as(editor, () -> imports.preview(project, "warm.html", small)));
        }

        var uploadPreview = new ArrayList<Double>();
        var uploadStore = new ArrayList<Double>();
        var fetchPreview = new ArrayList<Double>();
        var fetchStore = new ArrayList<Double>();
        var heapPeaks = new ArrayList<Long>();
        UUID uploadedProject = null;
        ImportedSource uploaded = null;
        for (int run = 0; run < 3; run++) {
            UUID project = projectOf(editor);
            long heapBefore = HeapPeaks.resetAndMeasure();
            ImportPreview preview = timed(uploadPreview, () -> Fixtures.as(editor,
                    () -> imports.preview(project, "million.html", html)));
            heapPeaks.add(HeapPeaks.peak() - heapBefore);
            uploaded = timed(uploadStore, () -> store(editor, project, preview));
            uploadedProject = project;

            UUID other = projectOf(editor);
            ImportPreview fetched = timed(fetchPreview, () -> Fixtures.as(editor, () -> urls.preview(other, address)));
            timed(fetchStore, () -> store(editor, other, fetched));
        }
        System.out.printf(Locale.ROOT, "upload: preview (decode, parse) ms %s; import (freeze, store) ms %s;"
                + " heap growth during the preview MB %s; load average %s%n", EditorCorpus.summary(uploadPreview),
                EditorCorpus.summary(uploadStore), heapPeaks.stream().map(b -> b >> 20).toList(), loadAverage());
        System.out.printf(Locale.ROOT, "by address: preview (fetch, main content, parse) ms %s; import ms %s;"
                + " load average %s%n", EditorCorpus.summary(fetchPreview), EditorCorpus.summary(fetchStore),
                loadAverage());

        // The same visible text as a plain text file: what the stored form of the page is compared with.
        UUID plainProject = projectOf(editor);
        SourceText htmlText = read(editor, uploadedProject, uploaded.sourceId());
        byte[] plain = htmlText.text().getBytes(StandardCharsets.UTF_8);
        ImportedSource plainSource = store(editor, plainProject,
                Fixtures.as(editor, () -> imports.preview(plainProject, "million.txt", plain)));
        report("HTML page (8 MB)", uploaded.sourceId());
        report("plain text of the same visible text", plainSource.sourceId());

        var serverRead = new ArrayList<Double>();
        UUID readProject = uploadedProject;
        UUID readSource = uploaded.sourceId();
        for (int i = 0; i < 6; i++) {
            timed(serverRead, () -> read(editor, readProject, readSource));
        }
        System.out.printf(Locale.ROOT, "reading the source on the server (text, passages, sections) ms %s%n",
                EditorCorpus.summary(serverRead.subList(1, serverRead.size())));

        openInTheEditor(editor, uploadedProject, uploaded.sourceId(), htmlText);
        assertThat(htmlText.text().length()).isBetween(page.visibleCharacters(), 2 * page.visibleCharacters());
    }

    private void openInTheEditor(AnnalsPrincipal editor, UUID project, UUID source, SourceText text) throws Exception {
        String drawn = "() => { const t = document.querySelector('annals-text');"
                + " return !!t && !!t.passageEls && t.passageEls.length === " + text.passages().size() + "; }";
        String frameSinceStart = "() => new Promise(r => requestAnimationFrame(() => r(performance.now())))";
        String frameSinceClick = "() => new Promise(r => requestAnimationFrame(() => r(performance.now() - window.__clicked)))";
        String title = text.source().metadata().title();
        var fullLoad = new ArrayList<Double>();
        var inApp = new ArrayList<Double>();
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            context.setDefaultTimeout(120_000);
            Page page = context.newPage();
            EditorCorpus.signIn(page, port, editor.getUsername());
            String sourceUrl = "http://localhost:" + port + "/projects/" + project + "/sources/" + source;
            String listUrl = "http://localhost:" + port + "/projects/" + project + "/sources";
            for (int i = 0; i < 6; i++) {
                page.navigate(sourceUrl);
                page.waitForFunction(drawn);
                double full = ((Number) page.evaluate(frameSinceStart)).doubleValue();
                page.navigate(listUrl);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).waitFor();
                page.evaluate("() => { window.__clicked = performance.now(); }");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
                page.waitForFunction(drawn);
                double app = ((Number) page.evaluate(frameSinceClick)).doubleValue();
                if (i > 0) { // the first run warms the server's and the browser's caches
                    fullLoad.add(full);
                    inApp.add(app);
                }
            }
            context.close();
        }
        System.out.printf(Locale.ROOT, "open in the editor (%,d characters, %,d passages), full page load to every"
                + " passage drawn ms %s; in the app (click in the library) ms %s; load average %s%n",
                text.text().length(), text.passages().size(), EditorCorpus.summary(fullLoad),
                EditorCorpus.summary(inApp), loadAverage());
    }

    /** Rows and bytes one source holds, table by table. */
    private void report(String what, UUID source) throws Exception {
        UUID text = jdbc.queryForObject("select text_version_id from source where id = ?", UUID.class, source);
        var version = jdbc.queryForMap("select text_length, octet_length(content) as bytes from text_version"
                + " where id = ?", text);
        var segments = jdbc.queryForMap("select count(*) as n, coalesce(sum(char_length(label)), 0) as labels,"
                + " sum(case when kind = 'PASSAGE' then 1 else 0 end) as passages,"
                + " sum(case when kind = 'SECTION' then 1 else 0 end) as sections from text_segment"
                + " where text_version_id = ?", text);
        var capture = jdbc.queryForMap("select size_bytes, octet_length(content) as bytes from source_capture"
                + " where source_id = ?", source);
        System.out.printf(Locale.ROOT, "stored, %s: text_version 1 row, %,d characters, %,d bytes; text_segment %,d rows"
                + " (%,d passages, %,d sections, %,d characters of labels); source_capture 1 row, %,d bytes kept of"
                + " %,d; load average %s%n", what, number(version.get("text_length")), number(version.get("bytes")),
                number(segments.get("n")), number(segments.get("passages")), number(segments.get("sections")),
                number(segments.get("labels")), number(capture.get("bytes")), number(capture.get("size_bytes")),
                loadAverage());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private UUID projectOf(AnnalsPrincipal editor) {
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        return project;
    }

    private SourceText read(AnnalsPrincipal editor, UUID project, UUID source) {
        return Fixtures.as(editor, () -> sources.read(project, source));
    }

    private ImportedSource store(AnnalsPrincipal editor, UUID project, ImportPreview preview) {
        var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        String title = "Million " + UUID.randomUUID();
        return Fixtures.as(editor, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled(title),
                preview.draft().format(), kept, preview.filename(), preview.charset(), false, preview.original())));
    }

    private static <T> T timed(List<Double> runs, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        runs.add((System.nanoTime() - start) / 1e6);
        return result;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
