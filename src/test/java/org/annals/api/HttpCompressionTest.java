package org.annals.api;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.startup.PageSession;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTP compression over a real port (issue 21, decision 40): text the browser may receive compressed
 * (the page, Vaadin's JSON, the editor's text download, exports) is gzip-compressed when the request
 * accepts gzip and sent as it is when it does not; an original (application/octet-stream, a PDF here)
 * never is. Each compressed body must decompress to exactly the uncompressed one. It shares the API
 * tests' application (one context fewer to start).
 */
@ApiTest
class HttpCompressionTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    SourceService sources;
    @Autowired
    SourceImportService imports;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;

    private AnnalsPrincipal editor;
    private UUID project;
    private String token;

    @BeforeEach
    void project() {
        editor = fixtures.newUser("wire-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("wire-reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        token = as(editor, () -> tokens.create("wire", project, TokenScope.READ, LocalDate.now().plusDays(1))).secret();
        for (int i = 0; i < 40; i++) {
            var values = EntityPayload.of(EntityKind.PLACE, "Village number " + i + " in the northern district");
            var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
            as(reviewer, () -> review.approve(proposal.changesetId(), null));
        }
    }

    @Test
    void the_sign_in_page_is_compressed_only_for_a_client_that_accepts_gzip() throws Exception {
        var http = HttpClient.newHttpClient();
        HttpResponse<byte[]> plain = http.send(get("/login", Map.of()), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(get("/login", Map.of("Accept-Encoding", "gzip, deflate, br")),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("<html");
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzip.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");
        assertThat(new String(gunzip(gzip.body()), StandardCharsets.UTF_8)).contains("<html");
    }

    @Test
    void exports_over_the_api_are_compressed_when_accepted_and_identical_once_decompressed() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String file : List.of("entities.csv", "dataset.jsonl", "dataset.json")) {
            String path = "/api/v1/projects/" + project + "/exports/" + file;
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            HttpResponse<byte[]> plain = http.send(get(path, auth), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> gzip = http.send(get(path, Map.of("Authorization", "Bearer " + token,
                    "Accept-Encoding", "gzip")), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plain.statusCode()).as(file).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(file).isEmpty();
            assertThat(plain.body().length).as(file).isGreaterThan(1024);
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(file).contains("gzip");
            assertThat(gunzip(gzip.body())).as(file).isEqualTo(plain.body());
            assertThat(gzip.body().length).as(file).isLessThan(plain.body().length / 2);
        }
    }

    @Test
    void vaadins_messages_and_the_editors_text_download_are_compressed_when_accepted() throws Exception {
        // Longer than a source that comes with Vaadin's answer (AnnotatedText, 150,000 characters): its text is a
        // download of its own.
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 160_000; i++) {
            text.append("Paragraph ").append(i).append(": fighters entered the village near the river on Sunday.\n\n");
        }
        UUID source = fixtures.newSource(project, editor, "Long report", text.toString().split("\n\n"));
        String expected = as(editor, () -> sources.read(project, source)).text();
        var session = new PageSession("http://localhost:" + port + "/");
        assertThat(session.signIn(editor.getUsername(), Fixtures.PASSWORD)).doesNotContain("login");
        String route = "projects/" + project + "/sources/" + source;

        // The editor's first response: Vaadin's JSON message that builds the page.
        HttpResponse<byte[]> plainMessage = session.open(route, Map.of());
        HttpResponse<byte[]> message = session.open(route, Map.of("Accept-Encoding", "gzip"));
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(message.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(plainMessage.headers().firstValue("Content-Encoding")).isEmpty();
        String json = new String(gunzip(message.body()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"syncId\"");
        Set<String> downloads = PageSession.downloads(json);
        assertThat(downloads).as("the editor's text download in %s", json).isNotEmpty();

        // Its text download, which the browser fetches next.
        String download = downloads.iterator().next();
        HttpResponse<byte[]> gzip = session.get(download, Map.of("Accept-Encoding", "gzip"));
        HttpResponse<byte[]> plain = session.get(download, Map.of());
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new String(gunzip(gzip.body()), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(PageSession.text(plain)).isEqualTo(expected);
    }

    @Test
    void an_already_compressed_original_goes_out_as_it_is() throws Exception {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/source/pdf/report.pdf")) {
            pdf = in.readAllBytes();
        }
        ImportPreview preview = as(editor, () -> imports.preview(project, "report.pdf", pdf));
        List<DraftBlock> kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        ImportedSource imported = as(editor, () -> imports.importSource(project, new ImportRequest(new SourceMetadata(
                preview.draft().title(), null, null, null, null, null, "en", null), SourceFormat.PDF, kept,
                "report.pdf", null, false, preview.original())));
        HttpResponse<byte[]> original = HttpClient.newHttpClient().send(get("/api/v1/projects/" + project + "/sources/"
                + imported.sourceId() + "/original", Map.of("Authorization", "Bearer " + token, "Accept-Encoding",
                "gzip")), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(original.body()).isEqualTo(pdf);
    }

    private HttpRequest get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        return request.build();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
