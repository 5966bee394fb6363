package org.annals.source.fetch;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.CaptureDetails;
import org.annals.source.CaptureService;
import org.annals.source.ImportPreview;
import org.annals.source.ImportProperties;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.Original;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.source.fetch.FetchFailedException.Reason;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.annals.support.LocalWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Import by address against a web server on 127.0.0.1 started by the test, through to the stored source and its
 * capture: run against H2 and PostgreSQL by the two subclasses. The service is built here with settings that allow
 * exactly that server's host and port, as an operator would list an intranet host.
 */
abstract class UrlImportContract {

    @Autowired
    ProjectAccess access;
    @Autowired
    SourceImportService imports;
    @Autowired
    SourceService sources;
    @Autowired
    CaptureService captures;
    @Autowired
    ImportProperties limits;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    final LocalWebServer web = LocalWebServer.shared();
    WebFetcher fetcher;
    UrlImportService urls;
    AnnalsPrincipal editor;
    UUID project;

    @BeforeEach
    void projectAndAServiceThatMayFetchFromTheTestServer() {
        var settings = new FetchProperties(true, Duration.ofSeconds(2), Duration.ofSeconds(3),
                DataSize.ofMegabytes(1), 5, "Annals test", List.of(), List.of(), false, List.of(web.allowedHost()), 3,
                20);
        fetcher = new WebFetcher(settings, limits);
        urls = new UrlImportService(access, imports, fetcher, settings, limits);
        editor = fixtures.newUser("url-editor");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
    }

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where project_id = ?", Long.class, project);
    }

    private ImportedSource importPreview(ImportPreview preview, String title) {
        var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        return as(editor, () -> imports.importSource(project, new ImportRequest(SourceMetadata.titled(title),
                preview.draft().format(), kept, preview.filename(), preview.charset(), false, preview.original())));
    }

    @Test
    void an_article_is_fetched_read_like_an_upload_and_stored_with_its_capture() {
        ImportPreview preview = as(editor, () -> urls.preview(project, web.url("/article.html")));

        assertThat(preview.draft().format()).isEqualTo(SourceFormat.HTML);
        assertThat(preview.draft().title()).isEqualTo("Shelling of Idlib villages");
        assertThat(preview.charsetNote()).contains("UTF-8", "main content", "left out");
        var kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).map(DraftBlock::text).toList();
        assertThat(String.join("\n", kept)).contains("Kafr Nubl", "safe passage for ambulances")
                .doesNotContain("Advertisement", "Most read", "Great article", "Middle East");

        ImportedSource imported = importPreview(preview, "Shelling of Idlib villages");
        SourceText read = as(editor, () -> sources.read(project, imported.sourceId()));
        CaptureDetails capture = read.source().capture();
        assertThat(capture).isNotNull();
        assertThat(capture.kind()).isEqualTo(Original.Kind.URL);
        assertThat(capture.requestedUrl()).isEqualTo(web.url("/article.html"));
        assertThat(capture.finalUrl()).isEqualTo(web.url("/article.html"));
        assertThat(capture.httpStatus()).isEqualTo(200);
        assertThat(capture.contentType()).isEqualTo("text/html; charset=utf-8");
        byte[] served = LocalWebServer.bytesOf("/article.html");
        assertThat(capture.sha256()).isEqualTo(Original.sha256(served));
        assertThat(capture.size()).isEqualTo(served.length);
        assertThat(as(editor, () -> captures.original(project, imported.sourceId())).bytes()).isEqualTo(served);
        assertThat(read.text()).contains("Kafr Nubl").doesNotContain("Advertisement");
    }

    @Test
    void after_a_redirect_chain_the_final_address_is_recorded() {
        ImportPreview preview = as(editor, () -> urls.preview(project, web.url("/r/1")));
        ImportedSource imported = importPreview(preview, "Redirected");

        CaptureDetails capture = as(editor, () -> captures.details(project, imported.sourceId())).orElseThrow();
        assertThat(capture.requestedUrl()).isEqualTo(web.url("/r/1"));
        assertThat(capture.finalUrl()).isEqualTo(web.url("/article.html"));
    }

    @Test
    void plain_text_by_address_goes_through_the_text_path() {
        ImportPreview preview = as(editor, () -> urls.preview(project, web.url("/plain.txt")));

        assertThat(preview.draft().format()).isEqualTo(SourceFormat.PLAIN_TEXT);
        assertThat(preview.draft().blocks()).extracting(DraftBlock::text)
                .contains("The front line moved south of Hama overnight.");
    }

    /** A PDF by address goes through the same reader as an uploaded one. */
    @Test
    void a_pdf_by_address_is_read_by_the_pdf_reader() {
        ImportPreview preview = as(editor, () -> urls.preview(project, web.url("/report.pdf")));

        assertThat(preview.draft().format()).isEqualTo(SourceFormat.PDF);
        String text = String.join("\n", preview.draft().blocks().stream().map(DraftBlock::text).toList());
        assertThat(text).contains("Monitoring report on Aleppo",
                "Shelling of the eastern districts continued on 3 December 2024.");
        assertThat(preview.original().sha256()).isEqualTo(Original.sha256(LocalWebServer.bytesOf("/report.pdf")));
    }

    @Test
    void failed_fetches_say_why_and_store_nothing() {
        long sourcesBefore = count("source");
        long capturesBefore = count("source_capture");

        assertThatThrownBy(() -> as(editor, () -> urls.preview(project, web.url("/missing"))))
                .isInstanceOfSatisfying(FetchFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS));
        assertThatThrownBy(() -> as(editor, () -> urls.preview(project, web.url("/to-internal"))))
                .isInstanceOfSatisfying(FetchFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED_ADDRESS));
        assertThatThrownBy(() -> as(editor, () -> urls.preview(project, web.url("/slow"))))
                .isInstanceOfSatisfying(FetchFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));

        assertThat(count("source")).isEqualTo(sourcesBefore);
        assertThat(count("source_capture")).isEqualTo(capturesBefore);
        assertThat(web.internalHits()).isZero();
    }

    @Test
    void a_batch_previews_each_address_on_its_own_and_keeps_their_order() {
        List<UrlPreview> previews = as(editor, () -> urls.previewAll(project, List.of(web.url("/article.html"),
                "", web.url("/missing"), web.url("/second.html"), "http://169.254.169.254/latest/meta-data/",
                web.url("/article.html"))));

        assertThat(previews).extracting(UrlPreview::url).containsExactly(web.url("/article.html"),
                web.url("/missing"), web.url("/second.html"), "http://169.254.169.254/latest/meta-data/");
        assertThat(previews.get(0).preview()).isNotNull();
        assertThat(previews.get(1).reason()).isEqualTo(Reason.HTTP_STATUS);
        assertThat(previews.get(1).error()).contains("404");
        assertThat(previews.get(2).preview().draft().title()).isEqualTo("Aid convoy reaches Hama");
        assertThat(previews.get(3).reason()).isEqualTo(Reason.REFUSED_ADDRESS);
    }

    @Test
    void a_batch_larger_than_allowed_is_refused_before_anything_is_fetched() {
        int before = web.hits("/second.html");
        var many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> web.url("/second.html?" + i)).toList();

        assertThatThrownBy(() -> as(editor, () -> urls.previewAll(project, many))).hasMessageContaining("at most 20");
        assertThat(web.hits("/second.html")).isEqualTo(before);
    }
}
