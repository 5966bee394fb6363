package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportService;
import org.annals.jobs.HeldJobs;
import org.annals.jobs.JobRunner;
import org.annals.jobs.JobsBusyException;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The node's limit on background jobs over real HTTP: with every slot taken by streamed exports that
 * are held open, one more export is told to wait (503 problem JSON with Retry-After), the page's export
 * is refused the same way, and everything else keeps answering; once the held ones finish, their files
 * arrive whole and exports work again.
 */
@ApiTest
class ApiExportLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    JobRunner jobs;
    @Autowired
    ExportService exports;

    @Test
    void with_every_slot_taken_one_more_export_is_told_to_wait_and_the_api_keeps_answering() throws Exception {
        AnnalsPrincipal viewer = fixtures.newUser("exporter");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        String token = Fixtures.as(viewer, () -> tokens.create("limit", null, TokenScope.READ,
                LocalDate.now().plusDays(1))).secret();
        var api = new ApiClient(port);
        String export = "/api/v1/projects/" + project + "/exports/events.csv";
        int limit = jobs.limit();

        try (var held = HeldJobs.holdAtStart(jobs, ExportService.KIND)) {
            var http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> streaming = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                streaming.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + export))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
            }
            held.awaitHeld(limit);

            var refused = api.get(export, token);
            assertThat(refused.problem(503)).contains("busy").contains("try again in a moment");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().path("retryAfterSeconds").asInt()).isEqualTo(5);
            // The rest of the API answers meanwhile, and the page's kind of export is refused alike.
            assertThat(api.get("/api/v1/projects/" + project, token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/projects/" + project + "/events", token).status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.as(viewer,
                    () -> exports.start(project, ExportFormat.ENTITIES_CSV, ExportFilter.ALL, false)))
                    .isInstanceOf(JobsBusyException.class);
            assertThat(streaming).noneMatch(CompletableFuture::isDone);

            held.letGo();
            for (var response : streaming) {
                HttpResponse<String> done = response.get(60, TimeUnit.SECONDS);
                assertThat(done.statusCode()).isEqualTo(200);
                assertThat(done.body()).startsWith("event_id,title,event_date,date_precision");
            }
        }
        assertThat(jobs.active()).isEmpty();
        var again = api.get(export, token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).startsWith("event_id,title");
    }
}
