package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.Original;
import org.annals.support.Fixtures;
import org.annals.support.LocalWebServer;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Import by address over real HTTP: one or many addresses in, each its own source with its capture; failures as
 * problem JSON; the capture in the source's JSON; the original downloadable byte for byte, never as HTML.
 */
@ApiTest
class UrlImportOverApiTest {

    static final LocalWebServer WEB = LocalWebServer.shared();

    @DynamicPropertySource
    static void allowTheTestServer(DynamicPropertyRegistry registry) {
        registry.add("annals.fetch.allowed-private-hosts", WEB::allowedHost);
        registry.add("annals.fetch.read-timeout", () -> "3s");
    }

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;

    private ApiClient api;
    private String base;
    private String editorToken;
    private String viewerToken;

    @BeforeEach
    void projectWithAnEditorAndAViewer() {
        api = new ApiClient(port);
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("url-api-editor");
        AnnalsPrincipal viewer = fixtures.newUser("url-api-viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        editorToken = token(editor, TokenScope.WRITE);
        viewerToken = token(viewer, TokenScope.READ);
        base = "/api/v1/projects/" + project;
    }

    private String token(AnnalsPrincipal user, TokenScope scope) {
        return Fixtures.as(user, () -> tokens.create("url import", null, scope, LocalDate.now().plusDays(1))).secret();
    }

    @Test
    void each_address_becomes_its_own_source_with_its_capture_and_failures_are_listed() throws Exception {
        var response = api.post(base + "/sources/from-url", editorToken,
                Map.of("urls", List.of(WEB.url("/r/1"), WEB.url("/missing"), WEB.url("/second.html"))));

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("imported").asInt()).isEqualTo(2);
        assertThat(body.path("failed").asInt()).isEqualTo(1);
        JsonNode first = body.path("results").get(0);
        assertThat(first.path("finalUrl").asString()).isEqualTo(WEB.url("/article.html"));
        assertThat(first.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(first.path("sha256").asString()).isEqualTo(Original.sha256(LocalWebServer.bytesOf("/article.html")));
        assertThat(first.path("title").asString()).isEqualTo("Shelling of Idlib villages");
        JsonNode missing = body.path("results").get(1);
        assertThat(missing.path("reason").asString()).isEqualTo("HTTP_STATUS");
        assertThat(missing.path("error").asString()).contains("404");

        String sourceId = first.path("sourceId").asString();
        JsonNode source = api.get(base + "/sources/" + sourceId, viewerToken).json();
        JsonNode capture = source.path("source").path("capture");
        assertThat(capture.path("kind").asString()).isEqualTo("URL");
        assertThat(capture.path("requestedUrl").asString()).isEqualTo(WEB.url("/r/1"));
        assertThat(capture.path("finalUrl").asString()).isEqualTo(WEB.url("/article.html"));
        assertThat(capture.path("contentType").asString()).isEqualTo("text/html; charset=utf-8");
        assertThat(capture.path("originalKept").asBoolean()).isTrue();
        assertThat(source.path("source").path("metadata").path("url").asString()).isEqualTo(WEB.url("/article.html"));

        // The original, byte for byte, as a download that no browser renders.
        HttpResponse<byte[]> original = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + base + "/sources/" + sourceId + "/original"))
                .header("Authorization", "Bearer " + viewerToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(LocalWebServer.bytesOf("/article.html"));
        assertThat(original.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(original.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("article.html");
        assertThat(original.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void when_no_address_can_be_imported_the_answer_is_problem_json_saying_why() {
        String detail = api.post(base + "/sources/from-url", editorToken,
                Map.of("url", "http://169.254.169.254/latest/meta-data/")).problem(400);
        assertThat(detail).contains("private network");

        String slow = api.post(base + "/sources/from-url", editorToken, Map.of("url", WEB.url("/slow"))).problem(400);
        assertThat(slow).contains("3 seconds");

        String none = api.post(base + "/sources/from-url", editorToken, Map.of("urls", List.of())).problem(400);
        assertThat(none).contains("at least one web address");
        assertThat(api.get(base + "/sources", viewerToken).json().path("total").asInt()).isZero();
    }

    @Test
    void a_viewer_may_download_but_not_import_and_a_source_without_original_has_none() {
        api.post(base + "/sources/from-url", viewerToken, Map.of("url", WEB.url("/second.html"))).problem(403);
        var pasted = api.post(base + "/sources", editorToken, Map.of("title", "Pasted", "content", "Some words."));
        assertThat(pasted.status()).isEqualTo(201);
        String id = pasted.json().path("sourceId").asString();

        api.get(base + "/sources/" + id + "/original", viewerToken).problem(404);
        JsonNode capture = api.get(base + "/sources/" + id, viewerToken).json().path("source").path("capture");
        assertThat(capture.isNull() || capture.isMissingNode()).as("capture of pasted text: %s", capture).isTrue();
    }
}
