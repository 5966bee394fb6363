package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.account.AccountService;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over real HTTP: tokens (created with a password, hashed, expired, revoked, of a
 * disabled account, bound to a project, read-only), what the API refuses and how (problem JSON,
 * never HTML), paging and filter input, the rate limit, the OpenAPI description for signed-in
 * browsers, and a moderation round trip from proposal to vetted record.
 */
@ApiTest
@ExtendWith(OutputCaptureExtension.class)
class ApiOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    EntityService entities;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    private AnnalsPrincipal manager;
    private UUID project;

    @BeforeEach
    void oneProject() {
        api = new ApiClient(port);
        manager = fixtures.newUser("manager");
        project = managedBy(manager);
    }

    /** Only administrators create projects on this site; the manager is added as the project's manager. */
    private UUID managedBy(AnnalsPrincipal user) {
        UUID created = fixtures.newProject(fixtures.admin());
        fixtures.addMember(created, user, ProjectRole.MANAGER);
        return created;
    }

    @Test
    void a_password_creates_a_token_shown_once_and_stored_only_as_its_hash() {
        var created = api.send("POST", "/api/v1/tokens", ApiClient.basic(manager.getUsername(), Fixtures.PASSWORD),
                Map.of("name", "nightly export", "scope", "READ", "expiresOn", LocalDate.now().plusMonths(3).toString()));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String secret = created.json().path("secret").asString();
        assertThat(secret).startsWith("annals_").hasSize(50);
        assertThat(api.get("/api/v1/projects", secret).json().path("items")).extracting(p -> p.path("id").asString())
                .containsExactly(project.toString());
        assertThat(jdbc.queryForObject("select count(*) from access_token where secret_hash = ?", Integer.class,
                sha256(secret))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from access_token where secret_hash like ?", Integer.class,
                "%" + secret.substring(7, 20) + "%")).isZero();
        assertThat(Fixtures.as(manager, () -> tokens.mine())).singleElement()
                .satisfies(t -> assertThat(t.toString()).doesNotContain(secret.substring(7)));
    }

    @Test
    void token_creation_refuses_bad_input_wrong_passwords_and_is_throttled_like_sign_in() {
        var basic = ApiClient.basic(manager.getUsername(), Fixtures.PASSWORD);
        assertThat(api.send("POST", "/api/v1/tokens", basic, Map.of("name", "forever", "scope", "READ",
                "expiresOn", LocalDate.now().plusYears(2).toString())).problem(400)).contains("at most a year");
        assertThat(api.send("POST", "/api/v1/tokens", basic, Map.of("name", "no expiry")).problem(400))
                .contains("expiry date");
        assertThat(api.send("POST", "/api/v1/tokens", basic, Map.of("name", "elsewhere", "expiresOn",
                LocalDate.now().plusDays(1).toString(), "projectId", UUID.randomUUID().toString())).problem(404))
                .isEqualTo("Project not found.");

        var victim = fixtures.newUser("victim");
        var wrong = ApiClient.basic(victim.getUsername(), "not-the-password");
        var request = Map.of("name", "guess", "expiresOn", LocalDate.now().plusDays(1).toString());
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(api.send("POST", "/api/v1/tokens", wrong, request).problem(401))
                    .isEqualTo("Incorrect user name or password.");
        }
        var paused = api.send("POST", "/api/v1/tokens", ApiClient.basic(victim.getUsername(), Fixtures.PASSWORD), request);
        assertThat(paused.problem(429)).contains("sign-in is paused");
        assertThat(Long.parseLong(paused.header("Retry-After"))).isBetween(60L, 15 * 60L);
    }

    @Test
    void expired_revoked_disabled_unknown_and_malformed_tokens_are_refused() {
        var user = fixtures.newUser("holder");
        fixtures.addMember(project, user, ProjectRole.VIEWER);
        String expired = token(user, null, TokenScope.READ);
        jdbc.update("update access_token set expires_at = ? where secret_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), sha256(expired));
        String revoked = token(user, null, TokenScope.READ);
        Fixtures.as(user, () -> tokens.revoke(tokens.mine().stream().filter(t -> t.lastUsedAt() == null)
                .filter(t -> !t.revoked() && t.active(java.time.Instant.now())).findFirst().orElseThrow().id()));
        String valid = token(user, null, TokenScope.READ);
        assertThat(api.get("/api/v1/projects/" + project, valid).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/projects/" + project, expired).problem(401)).contains("expired");
        var revokedResponse = api.get("/api/v1/projects/" + project, revoked);
        assertThat(revokedResponse.problem(401)).contains("revoked");
        assertThat(revokedResponse.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(api.get("/api/v1/projects/" + project, "annals_" + "A".repeat(43)).problem(401))
                .isEqualTo("Unknown access token.");
        assertThat(api.get("/api/v1/projects/" + project, "hunter2").problem(401)).contains("not an Annals access token");
        assertThat(api.get("/api/v1/projects/" + project, null).problem(401)).contains("Authorization: Bearer");

        Fixtures.as(fixtures.admin(), () -> accounts.setEnabled(user.userId(), false));
        assertThat(api.get("/api/v1/projects/" + project, valid).problem(401)).contains("disabled");
        Fixtures.as(fixtures.admin(), () -> accounts.setEnabled(user.userId(), true));
        assertThat(api.get("/api/v1/projects/" + project, valid).status()).isEqualTo(200);
    }

    @Test
    void an_administrator_revokes_anyones_token_and_others_cannot_even_find_it() {
        var owner = fixtures.newUser("owner");
        String secret = token(owner, null, TokenScope.READ);
        UUID id = Fixtures.as(owner, () -> tokens.mine()).getFirst().id();
        var stranger = fixtures.newUser("stranger");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.as(stranger, () -> tokens.revoke(id)))
                .isInstanceOf(org.annals.base.NotFoundException.class);
        assertThat(api.get("/api/v1/projects", secret).status()).isEqualTo(200);

        Fixtures.as(fixtures.admin(), () -> tokens.revoke(id));
        assertThat(api.get("/api/v1/projects", secret).problem(401)).contains("revoked");
    }

    @Test
    void a_read_token_reads_but_cannot_write() {
        String read = token(manager, null, TokenScope.READ);
        assertThat(api.get("/api/v1/projects/" + project + "/entities", read).status()).isEqualTo(200);
        var refused = api.post("/api/v1/projects/" + project + "/changesets", read, Map.of("message", "Add",
                "operations", List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                        "payload", Map.of("kind", "PLACE", "name", "Idlib"))))) ;
        assertThat(refused.problem(403)).contains("scope READ");
        assertThat(api.get("/api/v1/projects/" + project + "/entities?q=Idlib", read).json().path("total").asLong())
                .isZero();
    }

    @Test
    void a_project_bound_token_cannot_see_any_other_project() {
        UUID other = managedBy(manager);
        UUID otherChangeset = Fixtures.as(manager, () -> entities.proposeCreate(other,
                EntityPayload.of(EntityKind.PLACE, "Elsewhere"), "Add", true)).changesetId();
        String bound = token(manager, project, TokenScope.WRITE);

        assertThat(api.get("/api/v1/projects", bound).json().path("items")).extracting(p -> p.path("id").asString())
                .containsExactly(project.toString());
        assertThat(api.get("/api/v1/projects/" + project, bound).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + other, bound).problem(404)).isEqualTo("Project not found.");
        assertThat(api.get("/api/v1/projects/" + other + "/sources", bound).problem(404)).isEqualTo("Project not found.");
        api.get("/api/v1/changesets/" + otherChangeset, bound).problem(404);
        api.post("/api/v1/changesets/" + otherChangeset + "/approve", bound, Map.of()).problem(404);
        // The same user's unbound token sees both.
        String unbound = token(manager, null, TokenScope.READ);
        assertThat(api.get("/api/v1/projects/" + other, unbound).status()).isEqualTo(200);
    }

    @Test
    void basic_credentials_only_create_tokens_and_tokens_do_not_create_tokens() {
        var basic = ApiClient.basic(manager.getUsername(), Fixtures.PASSWORD);
        assertThat(api.send("GET", "/api/v1/projects", basic, null).problem(401))
                .isEqualTo(ApiProblems.BEARER_ONLY);
        assertThat(api.send("POST", "/api/v1/projects/" + project + "/changesets", basic, Map.of()).problem(401))
                .isEqualTo(ApiProblems.BEARER_ONLY);
        String write = token(manager, null, TokenScope.WRITE);
        var refused = api.post("/api/v1/tokens", write, Map.of("name", "child",
                "expiresOn", LocalDate.now().plusDays(1).toString()));
        assertThat(refused.problem(401)).contains("user name and password");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void a_browser_session_does_not_authenticate_the_api_but_opens_its_description() throws Exception {
        var signIn = new HttpSignIn(port);
        assertThat(signIn.signIn(manager.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        HttpClient browser = signIn.client();

        var apiWithCookie = browser.send(page("/api/v1/projects").header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(apiWithCookie.statusCode()).isEqualTo(401);
        assertThat(apiWithCookie.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        var description = browser.send(page("/v3/api-docs").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(description.statusCode()).isEqualTo(200);
        JsonNode paths = ApiClient.JSON.readTree(description.body()).path("paths");
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/v1/"))
                .contains("/api/v1/tokens", "/api/v1/projects", "/api/v1/projects/{projectId}/events",
                        "/api/v1/projects/{projectId}/changesets", "/api/v1/changesets/{changesetId}/approve");
        assertThat(paths.path("/api/v1/projects/{projectId}/events").path("get").path("responses").path("400")
                .path("content").has("application/problem+json")).isTrue();
        assertThat(ApiClient.JSON.readTree(description.body()).path("components").path("schemas").path("Problem")
                .path("properties").has("detail")).isTrue();
        var swaggerUi = browser.send(page("/swagger-ui/index.html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
        assertThat(swaggerUi.body()).contains("swagger-ui");

        var anonymous = api.send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }

    @Test
    void paging_and_filters_refuse_what_they_cannot_mean() {
        String read = token(manager, null, TokenScope.READ);
        fixtures.newSource(project, manager, "First", "One.");
        fixtures.newSource(project, manager, "Second", "Two.");
        String sources = "/api/v1/projects/" + project + "/sources";
        JsonNode page = api.get(sources + "?page=1&size=1", read).json();
        assertThat(page.path("items")).extracting(s -> s.path("title").asString()).containsExactly("Second");
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("total").asLong()).isEqualTo(2);

        assertThat(api.get(sources + "?size=501", read).problem(400)).contains("'size' must be between 1 and 500");
        assertThat(api.get(sources + "?size=1000000", read).problem(400)).contains("'size'");
        api.get(sources + "?size=0", read).problem(400);
        api.get(sources + "?page=-1", read).problem(400);
        api.get(sources + "?page=many", read).problem(400);
        api.get(sources + "?page=99999999999", read).problem(400);
        assertThat(api.get(sources + "?page=42949671&size=50", read).json().path("items").isEmpty()).isTrue();

        // A page no list can reach (more rows to skip than a query can) is refused on every paged endpoint.
        String base = "/api/v1/projects/" + project;
        for (String paged : List.of("/api/v1/projects", sources, base + "/entities", base + "/events",
                base + "/entities/" + UUID.randomUUID() + "/evidence", base + "/events/" + UUID.randomUUID() + "/evidence",
                base + "/sources/" + UUID.randomUUID() + "/annotations")) {
            assertThat(api.get(paged + "?page=1000000000", read).problem(400)).as(paged).contains("'page' 1000000000");
            api.get(paged + "?page=42949672&size=50", read).problem(400);
            api.get(paged + "?page=0&size=-5", read).problem(400);
            api.get(paged + "?page=first", read).problem(400);
        }

        String events = "/api/v1/projects/" + project + "/events";
        assertThat(api.get(events + "?from=2024-02-30", read).problem(400)).contains("'2024-02-30' is not");
        assertThat(api.get(events + "?to=yesterday", read).problem(400)).contains("'to'");
        assertThat(api.get(events + "?from=2024-12-31&to=2024-12-01", read).problem(400)).contains("after");
        assertThat(api.get(events + "?type=battles", read).problem(400)).contains("'type'");
        assertThat(api.get(events + "?from=2024-02-29&to=2024-12-31", read).status()).isEqualTo(200);
    }

    @Test
    void unknown_paths_bad_ids_and_bad_bodies_get_problem_json_never_html() {
        String write = token(manager, null, TokenScope.WRITE);
        assertThat(api.get("/api/v1/nothing-here", write).problem(404)).contains("no endpoint");
        var html = api.send("GET", "/api/v1/nothing-here", Map.of("Authorization", "Bearer " + write,
                "Accept", "text/html"), null);
        html.problem(404);
        api.send("GET", "/api/v1/projects/" + UUID.randomUUID(), Map.of("Authorization", "Bearer " + write,
                "Accept", "text/html"), null).problem(406);
        assertThat(api.get("/api/v1/projects/not-a-uuid", write).problem(404)).contains("not-a-uuid");
        var wrongMethod = api.send("DELETE", "/api/v1/projects/" + project, ApiClient.bearer(write), null);
        assertThat(wrongMethod.problem(405)).contains("does not take DELETE");
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(api.send("PUT", "/api/v1/projects/" + project + "/changesets", ApiClient.bearer(write), null)
                .header("Allow")).isEqualTo("GET, POST");
        assertThat(api.post("/api/v1/projects/" + project + "/changesets", write, "{not json").problem(400))
                .contains("not JSON");
        assertThat(api.post("/api/v1/projects/" + project + "/changesets", write, Map.of("message", "Bad",
                "operations", List.of(Map.of("kind", "EVENT", "action", "CREATE", "payload",
                        Map.of("title", "No date", "start", "soon"))))).problem(400)).contains("Operation 1", "start");
        assertThat(api.post("/api/v1/projects/" + project + "/changesets", write, Map.of("message", "Bad",
                "operations", List.of(Map.of("kind", "RUMOUR", "action", "CREATE", "payload", Map.of()))))
                .problem(400)).contains("Unknown kind of record: RUMOUR");
        assertThat(api.post("/api/v1/projects/" + project + "/sources", write, Map.of("title", "Odd", "format", "pdf",
                "content", "x")).problem(400)).contains("Unknown format 'pdf'");
    }

    @Test
    void a_body_of_the_wrong_type_is_415_and_an_answer_nobody_accepts_is_406() {
        String write = token(manager, null, TokenScope.WRITE);
        String changesets = "/api/v1/projects/" + project + "/changesets";
        var form = api.send("POST", changesets, Map.of("Authorization", "Bearer " + write,
                "Content-Type", "application/x-www-form-urlencoded"), null);
        assertThat(form.problem(415)).contains("application/json", "application/x-www-form-urlencoded");
        var text = sendRaw("POST", "/api/v1/projects/" + project + "/sources", write, "text/plain", "Title\n\nText");
        assertThat(text.problem(415)).contains("application/json", "text/plain");
        assertThat(sendRaw("POST", changesets, write, "not a type", "{}").problem(415)).contains("not a type");
        assertThat(jdbc.queryForObject("select count(*) from changeset where project_id = ?", Long.class, project))
                .isZero();

        var html = api.send("GET", "/api/v1/projects/" + project, Map.of("Authorization", "Bearer " + write,
                "Accept", "text/html"), null);
        assertThat(html.problem(406)).contains("application/json", "text/html");
        assertThat(api.send("GET", "/api/v1/projects/" + project, Map.of("Authorization", "Bearer " + write,
                "Accept", "text/html, application/json;q=0.5"), null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/projects/" + project, Map.of("Authorization", "Bearer " + write,
                "Accept", "*/*"), null).status()).isEqualTo(200);
    }

    /** A request with a body of the given content type, as a script that got the type wrong would send it. */
    private ApiClient.Response sendRaw(String method, String path, @Nullable String token, String contentType,
            String body) {
        var headers = new java.util.HashMap<String, String>(ApiClient.bearer(token));
        headers.put("Content-Type", contentType);
        return api.send(method, path, headers, body);
    }

    @Test
    void an_unexpected_error_is_a_500_problem_with_a_reference_and_no_internals(CapturedOutput log) {
        var failed = api.get("/api/v1/test/failure", token(manager, null, TokenScope.READ));

        String detail = failed.problem(500);
        String reference = failed.json().path("reference").asString();
        assertThat(reference).hasSize(8);
        assertThat(detail).contains(reference);
        assertThat(failed.body()).doesNotContain("hunter2", "IllegalStateException", "postgresql");
        assertThat(log.getAll()).contains("reference " + reference).contains(ApiTest.Failing.SECRET);
    }

    /**
     * A failure before any controller (here the token lookup in the security filters, as when the
     * database fails) used to go to the container's error page, which the browser's security chain
     * answered with a redirect to the sign-in page.
     */
    @Test
    void a_failure_in_the_security_filters_is_a_500_problem_not_a_redirect_to_sign_in(CapturedOutput log) {
        String valid = token(manager, null, TokenScope.WRITE);
        ApiClient.Response failed;
        ApiClient.Response creating;
        jdbc.execute("alter table access_token rename to access_token_unavailable");
        try {
            failed = api.get("/api/v1/projects", valid);
            creating = api.send("POST", "/api/v1/tokens", ApiClient.basic(manager.getUsername(), Fixtures.PASSWORD),
                    Map.of("name", "during the failure", "expiresOn", LocalDate.now().plusDays(1).toString()));
        } finally {
            jdbc.execute("alter table access_token_unavailable rename to access_token");
        }
        for (var response : List.of(failed, creating)) {
            assertThat(response.header("Location")).as("%s", response).isNull();
            String reference = response.json().path("reference").asString();
            assertThat(response.problem(500)).contains(reference);
            assertThat(response.body()).doesNotContainIgnoringCase("access_token").doesNotContain("SQL");
            assertThat(log.getAll()).contains("reference " + reference);
        }
        assertThat(api.get("/api/v1/projects", valid).status()).isEqualTo(200);
    }

    @Test
    void an_address_the_firewall_refuses_is_a_400_problem_not_a_redirect() {
        String valid = token(manager, null, TokenScope.READ);
        for (String path : List.of("/api/v1/projects;jsessionid=x", "/api/v1/projects/" + project + "%3Bx")) {
            var refused = api.get(path, valid);
            assertThat(refused.header("Location")).as("%s", refused).isNull();
            assertThat(refused.problem(400)).contains("not accepted");
        }
    }

    @Test
    void a_token_that_makes_too_many_requests_is_told_to_wait_while_others_carry_on() {
        String busy = token(manager, null, TokenScope.READ);
        String other = token(manager, null, TokenScope.READ);
        ApiClient.Response refused = null;
        int allowed = 0;
        for (int i = 0; i < ApiTest.REQUESTS_PER_MINUTE * 2 && refused == null; i++) {
            var response = api.get("/api/v1/projects", busy);
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                allowed++;
            }
        }
        assertThat(refused).as("a 429 within twice the allowance").isNotNull();
        assertThat(allowed).isBetween(ApiTest.REQUESTS_PER_MINUTE, ApiTest.REQUESTS_PER_MINUTE + 20);
        assertThat(refused.problem(429)).contains("too many requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(api.get("/api/v1/projects", other).status()).isEqualTo(200);
    }

    @Test
    void a_change_proposed_and_approved_over_the_api_becomes_vetted_data_with_evidence() {
        var editor = fixtures.newUser("editor");
        var reviewer = fixtures.newUser("reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        String editorToken = token(editor, project, TokenScope.WRITE);
        String reviewerToken = token(reviewer, project, TokenScope.WRITE);
        String base = "/api/v1/projects/" + project;

        var imported = api.post(base + "/sources", editorToken, Map.of("format", "markdown", "url", "https://example.org/a",
                "content", "# Offensive report\n\nRebels entered Aleppo on 29 November 2024.\n\nBack to top"));
        assertThat(imported.status()).as("%s", imported).isEqualTo(201);
        String sourceId = imported.json().path("sourceId").asString();
        JsonNode source = api.get(base + "/sources/" + sourceId, editorToken).json();
        assertThat(source.path("source").path("metadata").path("title").asString()).isEqualTo("Offensive report");
        String text = source.path("text").asString();
        assertThat(text).contains("Rebels entered Aleppo").doesNotContain("#", "Back to top");

        UUID place = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID annotation = UUID.randomUUID();
        String type = Fixtures.as(manager, () -> taxonomy.taxonomy(project)).getFirst().id().toString();
        int start = text.indexOf("Aleppo");
        int end = start + "Aleppo".length();
        var proposal = api.post(base + "/changesets", editorToken, Map.of("message", "Aleppo falls", "submit", true,
                "operations", List.of(
                        Map.of("kind", "ENTITY", "recordId", place.toString(), "action", "CREATE",
                                "payload", Map.of("kind", "PLACE", "name", "Aleppo", "latitude", 36.2, "longitude", 37.16)),
                        Map.of("kind", "EVENT", "recordId", event.toString(), "action", "CREATE",
                                "payload", Map.of("title", "Rebels enter Aleppo",
                                        "start", Map.of("date", "2024-11-29", "precision", "DAY"),
                                        "typeId", type, "placeId", place.toString())),
                        Map.of("kind", "ANNOTATION", "recordId", annotation.toString(), "action", "CREATE",
                                "payload", Map.of("sourceId", sourceId, "start", start, "end", end, "exact", "Aleppo",
                                        "prefix", text.substring(Math.max(0, start - 32), start),
                                        "suffix", text.substring(end, Math.min(text.length(), end + 32)),
                                        "type", "ENTITY_MENTION", "linkKind", "ENTITY", "linkId", place.toString())))));
        assertThat(proposal.status()).as("%s", proposal).isEqualTo(201);
        String changeset = proposal.json().path("summary").path("id").asString();
        assertThat(proposal.header("Location")).endsWith("/api/v1/changesets/" + changeset);
        assertThat(proposal.json().path("summary").path("state").asString()).isEqualTo("SUBMITTED");

        // Pending data is not vetted data.
        api.get(base + "/entities/" + place, editorToken).problem(404);
        api.post("/api/v1/changesets/" + changeset + "/approve", editorToken, Map.of()).problem(403);

        var approved = api.post("/api/v1/changesets/" + changeset + "/approve", reviewerToken, Map.of("comment", "Sourced"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("summary").path("state").asString()).isEqualTo("APPROVED");

        JsonNode aleppo = api.get(base + "/entities/" + place, editorToken).json();
        assertThat(aleppo.path("values").path("name").asString()).isEqualTo("Aleppo");
        JsonNode timeline = api.get(base + "/events?place=" + place + "&from=2024-11-01&to=2024-11-30", editorToken).json();
        assertThat(timeline.path("items")).extracting(e -> e.path("title").asString()).containsExactly("Rebels enter Aleppo");
        // "contested only", as the timeline page filters: the sources of this event do not disagree
        assertThat(api.get(base + "/events?place=" + place + "&contested=true", editorToken).json().path("items"))
                .isEmpty();
        assertThat(api.get(base + "/events?place=" + place + "&contested=false", editorToken).json().path("items"))
                .hasSize(1);
        assertThat(api.get(base + "/events?contested=maybe", editorToken).status()).isEqualTo(400);
        assertThat(api.get(base + "/sources/" + sourceId + "/annotations", editorToken).json().path("items"))
                .singleElement().satisfies(a -> assertThat(a.path("exact").asString()).isEqualTo("Aleppo"));
        assertThat(api.get(base + "/entities/" + place + "/evidence", editorToken).json().path("items"))
                .singleElement().satisfies(e -> assertThat(e.path("annotationId").asString()).isEqualTo(annotation.toString()));

        // Exports hold the vetted data, streamed; a pending proposal is not in them.
        proposeRename(editorToken, base, place, aleppo.path("version").asLong(), "Pending name");
        var events = api.get(base + "/exports/events.csv?from=2024-11-29&to=2024-11-29", editorToken);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.contentType()).startsWith("text/csv");
        assertThat(events.header("Content-Disposition")).contains("events.csv");
        assertThat(events.body()).contains("Rebels enter Aleppo", "Aleppo").doesNotContain("Pending name");
        var dataset = api.get(base + "/exports/dataset.json", editorToken);
        assertThat(dataset.json().path("entities")).extracting(e -> e.path("name").asString()).containsExactly("Aleppo");
        assertThat(api.get(base + "/exports/annotations.jsonld", editorToken).json().path("total").asInt()).isEqualTo(1);
        assertThat(api.get(base + "/exports/secrets.csv", editorToken).problem(404)).contains("secrets.csv");
        assertThat(api.get(base + "/exports/events.csv?from=2024-02-30", editorToken).problem(400)).contains("2024-02-30");
        assertThat(api.get(base + "/exports/events.csv?from=2024-12-02&to=2024-12-01", editorToken).problem(400))
                .contains("before it starts");

        // Two proposals based on the same version: the second to be approved conflicts and changes nothing.
        long version = aleppo.path("version").asLong();
        String first = proposeRename(editorToken, base, place, version, "Halab");
        String second = proposeRename(editorToken, base, place, version, "Haleb");
        assertThat(api.post("/api/v1/changesets/" + first + "/approve", reviewerToken, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/changesets/" + second + "/approve", reviewerToken, Map.of()).problem(409))
                .contains("Nothing was applied", "changed by someone else");
        assertThat(api.post("/api/v1/changesets/" + first + "/reject", reviewerToken, Map.of("comment", "Late"))
                .problem(400)).contains("waiting for review");
        assertThat(api.get(base + "/entities/" + place, editorToken).json().path("values").path("name").asString())
                .isEqualTo("Halab");
    }

    private String proposeRename(String token, String base, UUID place, long version, String name) {
        var response = api.post(base + "/changesets", token, Map.of("message", "Rename", "submit", true, "operations",
                List.of(Map.of("kind", "ENTITY", "recordId", place.toString(), "action", "UPDATE", "baseVersion", version,
                        "payload", Map.of("kind", "PLACE", "name", name)))));
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json().path("summary").path("id").asString();
    }

    private String token(AnnalsPrincipal user, @Nullable UUID onlyProject, TokenScope scope) {
        return Fixtures.as(user, () -> tokens.create("test", onlyProject, scope, LocalDate.now().plusDays(1))).secret();
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
