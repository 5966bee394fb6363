package org.annals.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The sign-in page over real HTTP (decision 43): a small page of its own that shows the form without any of the
 * application's scripts, carries its CSRF token, and says why the last attempt or session ended, with the
 * application's own words only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties")
class SignInPageOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ObservationRegistry observations;

    @Test
    void the_page_is_small_runs_no_application_script_and_carries_its_token_in_the_form() throws Exception {
        var client = new HttpSignIn(port);
        var page = get(client, "/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        String html = page.body();
        assertThat(html.length()).as("characters of the sign-in page").isLessThan(12_000);
        assertThat(html).doesNotContain("<script type=\"module\"").doesNotContain("<script src=")
                .contains("<form class=\"sign-in\" method=\"post\" action=\"login\"")
                .contains("<label for=\"username\">Username</label>").contains("autocomplete=\"current-password\"");
        var token = client.openForm(Map.of());
        assertThat(html).contains("<input type=\"hidden\" name=\"" + token.getKey() + "\" value=\"");
        assertThat(html).doesNotContain("role=\"alert\"");
    }

    @Test
    void a_refused_attempt_and_an_ended_session_are_explained_and_nothing_else_can_be_said() throws Exception {
        var user = fixtures.newUser("notice");
        var client = new HttpSignIn(port);
        assertThat(client.signIn(user.getUsername(), "not-the-password", Map.of())).isEqualTo("/login?error");
        String refused = get(client, "/login?error").body();
        assertThat(refused).contains("role=\"alert\"><strong>Incorrect user name or password</strong>");
        var locked = fixtures.newUser("notice-locked");
        for (int i = 0; i < 10; i++) {
            client.signIn(locked.getUsername(), "wrong-" + i, Map.of());
        }
        assertThat(client.signIn(locked.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/login?error");
        assertThat(get(client, "/login?error").body()).contains("<strong>Sign-in paused</strong>");

        var ended = get(client, "/login?ended=disabled");
        assertThat(ended.statusCode()).as(ended.headers().map().toString()).isEqualTo(200);
        assertThat(ended.body()).contains("<strong>You have been signed out</strong>")
                .contains(RightsChangedException.Reason.DISABLED.message());
        assertThat(get(client, "/login?expired").body()).contains("<strong>Sign-in form expired</strong>");
        // An address cannot put its own words (or markup) into the page.
        String forged = get(client, "/login?ended=%3Cscript%3Ealert(1)%3C/script%3E").body();
        assertThat(forged).doesNotContain("role=\"alert\"").doesNotContain("alert(1)");
    }

    @Test
    void the_form_on_the_page_signs_in() throws Exception {
        var user = fixtures.newUser("form");
        var client = new HttpSignIn(port);
        assertThat(client.signIn(user.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        var home = get(client, "/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).as("the application's own page, after signing in").contains("VAADIN/build/");
    }

    @Test
    void signing_in_and_opening_a_page_make_no_security_observations() throws Exception {
        var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();
        observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStart(Observation.Context context) {
                seen.add(context.getName());
            }
        });
        var user = fixtures.newUser("observed");
        var client = new HttpSignIn(port);
        assertThat(client.signIn(user.getUsername(), Fixtures.PASSWORD, Map.of())).isEqualTo("/");
        assertThat(get(client, "/").statusCode()).isEqualTo(200);
        assertThat(seen).as("observations made while signing in and opening a page").contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    private static HttpResponse<String> get(HttpSignIn client, String path) throws IOException, InterruptedException {
        return client.client().send(client.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
