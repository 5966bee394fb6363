package org.annals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The security headers of every kind of response, over real HTTP: Vaadin's pages (signed in and
 * not), Vaadin's error page, API JSON and problem JSON, an API download, the actuator, Spring's
 * error answer, a static file and Vaadin's built (hashed) scripts. Pages and anything with personal
 * data must not be stored by a browser or proxy; only hashed files may be cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties")
class SecurityHeadersOverHttpTest {

    private static final Pattern BUILT_SCRIPT = Pattern.compile("src=\"(?:\\./)?(VAADIN/build/[^\"]+\\.js)\"");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;

    @Test
    void pages_carry_the_page_policy_and_are_never_stored() throws Exception {
        var anonymous = new HttpSignIn(port);
        var login = get(anonymous.client(), anonymous, "/login", Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertPageHeaders(login);

        var manager = fixtures.newUser("headers");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        var person = new HttpSignIn(port);
        assertThat(person.signIn(manager.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        for (String path : java.util.List.of("/", "/projects/" + project + "/timeline", "/account")) {
            var page = get(person.client(), person, path, Map.of());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertPageHeaders(page);
        }
        // Vaadin's "not found" page (a project that does not exist) and the refusal of a path that is no page.
        var missingRecord = get(person.client(), person, "/projects/" + UUID.randomUUID() + "/timeline", Map.of());
        assertPageHeaders(missingRecord);
        assertThat(missingRecord.body()).contains("<html");
        var noPage = get(person.client(), person, "/no-such-page", Map.of());
        assertThat(noPage.statusCode()).isEqualTo(403);
        assertPageHeaders(noPage);
        // Spring's error answer (a path Vaadin never sees) and the actuator.
        var actuator = get(person.client(), person, "/actuator/health", Map.of());
        assertThat(actuator.statusCode()).isEqualTo(200);
        assertPageHeaders(actuator);
        var forbidden = get(person.client(), person, "/actuator/env", Map.of());
        assertThat(forbidden.statusCode()).isIn(403, 404);
        assertPageHeaders(forbidden);
    }

    @Test
    void api_answers_carry_the_api_policy_and_are_never_stored() throws Exception {
        var manager = fixtures.newUser("api-headers");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        String token = Fixtures.as(manager, () -> tokens.create("headers", null, TokenScope.READ,
                LocalDate.now().plusDays(1))).secret();
        var client = new HttpSignIn(port);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);

        var json = get(client.client(), client, "/api/v1/projects", bearer);
        assertThat(json.statusCode()).isEqualTo(200);
        var problem = get(client.client(), client, "/api/v1/projects/" + UUID.randomUUID(), bearer);
        assertThat(problem.statusCode()).isEqualTo(404);
        var unauthenticated = get(client.client(), client, "/api/v1/projects", Map.of());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        var download = get(client.client(), client, "/api/v1/projects/" + project + "/exports/events.csv", bearer);
        assertThat(download.statusCode()).isEqualTo(200);
        for (var response : java.util.List.of(json, problem, unauthenticated, download)) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().getPath())
                    .contains(SecurityHeaders.API_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().getPath())
                    .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        }
    }

    @Test
    void static_files_are_not_sniffed_and_only_hashed_ones_may_be_cached() throws Exception {
        var client = new HttpSignIn(port);
        // The app's own stylesheet holds nothing personal: a browser may keep it but asks again each time.
        var styles = get(client.client(), client, "/styles.css", Map.of());
        System.out.println("[headers] /styles.css " + styles.headers().map());
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(styles.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.PAGE_POLICY);
        assertThat(styles.headers().firstValue("Cache-Control")).contains("no-cache");

        String html = applicationPage(client);
        Matcher script = BUILT_SCRIPT.matcher(html);
        assertThat(script.find()).as("a built script in the application's page").isTrue();
        var built = get(client.client(), client, "/" + script.group(1), Map.of());
        System.out.println("[headers] " + script.group(1) + " " + built.headers().map());
        assertThat(built.statusCode()).isEqualTo(200);
        assertThat(built.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    /**
     * Issue 21: files whose address changes with their bytes (Vaadin's built files, addresses with a version
     * hash) are kept for a year, and the answer "not modified" says so as well: before, it carried Spring
     * Security's no-store, which made the browser ask again for every script on every later page load.
     */
    @Test
    void built_and_versioned_files_are_kept_for_a_year_also_when_not_modified() throws Exception {
        var client = new HttpSignIn(port);
        String html = applicationPage(client);
        Matcher script = BUILT_SCRIPT.matcher(html);
        assertThat(script.find()).as("a built script in the application's page").isTrue();
        var built = get(client.client(), client, "/" + script.group(1), Map.of());
        assertThat(built.statusCode()).isEqualTo(200);
        assertThat(built.headers().allValues("Cache-Control")).containsExactly(StaticResourceCaching.FOR_A_YEAR);
        String modified = built.headers().firstValue("Last-Modified").orElseThrow();
        var again = get(client.client(), client, "/" + script.group(1), Map.of("If-Modified-Since", modified));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().allValues("Cache-Control")).containsExactly(StaticResourceCaching.FOR_A_YEAR);
        assertThat(again.headers().firstValue("Pragma")).isEmpty();

        var versioned = get(client.client(), client, "/styles.css?v-c=0123abcd", Map.of());
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().allValues("Cache-Control")).containsExactly(StaticResourceCaching.FOR_A_YEAR);

        var icon = get(client.client(), client, "/icons/annals.svg", Map.of());
        assertThat(icon.statusCode()).isEqualTo(200);
        var iconAgain = get(client.client(), client, "/icons/annals.svg",
                Map.of("If-Modified-Since", icon.headers().firstValue("Last-Modified").orElseThrow()));
        assertThat(iconAgain.statusCode()).isEqualTo(304);
        assertThat(iconAgain.headers().allValues("Cache-Control")).containsExactly(StaticResourceCaching.FOR_AN_HOUR);
        // Pages still are never stored (a POST to a built file's address is no exception either).
        assertPageHeaders(get(client.client(), client, "/login", Map.of()));
    }

    /**
     * A page of the application as Vaadin writes it, which names its built scripts (the sign-in page is a plain
     * page of its own and names them only in development-free production builds, decision 43).
     */
    private String applicationPage(HttpSignIn client) throws IOException, InterruptedException {
        var person = fixtures.newUser("scripts");
        assertThat(client.signIn(person.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        return get(client.client(), client, "/", Map.of()).body();
    }

    private static void assertPageHeaders(HttpResponse<String> response) {
        String path = response.uri().getPath();
        System.out.println("[headers] " + path + " " + response.statusCode() + " " + response.headers().map());
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).contains(SecurityHeaders.PAGE_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).as(path)
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    private static HttpResponse<String> get(HttpClient client, HttpSignIn server, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = server.request(path);
        headers.forEach(request::header);
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
