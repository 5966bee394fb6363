package org.annals.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.account.AccountService;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in through real HTTP against a running server: the bootstrap administrator with a random
 * password, wrong and unknown credentials, disabled accounts, and a flood of failed attempts.
 * Client addresses are simulated with X-Forwarded-For, which this context trusts (as a deployment
 * behind a reverse proxy would).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties", properties = {
        "annals.admin.username=Chief",
        "annals.admin.password=",
        "server.forward-headers-strategy=framework"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInOverHttpTest {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile(
            "created administrator 'chief' with password\\s+(\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountService accounts;

    @Test
    @Order(1)
    void on_first_start_the_admin_gets_a_random_password_printed_once_that_signs_in(CapturedOutput output) throws Exception {
        Matcher match = GENERATED_PASSWORD.matcher(output.getAll());
        assertThat(match.find()).as("generated password in the log").isTrue();
        String password = match.group(1);
        assertThat(password).hasSize(23);
        assertThat(match.find()).as("printed only once").isFalse();

        assertThat(signIn("chief", password, "198.51.100.1")).isEqualTo("/");
        assertThat(signIn("admin", password, "198.51.100.1")).isEqualTo("/login?error");
    }

    @Test
    @Order(2)
    void wrong_passwords_unknown_users_and_disabled_accounts_are_refused_and_logged(CapturedOutput output)
            throws Exception {
        var user = fixtures.newUser("http");
        assertThat(signIn(user.getUsername(), "not-the-password", "198.51.100.2")).isEqualTo("/login?error");
        assertThat(signIn("no-such-user", Fixtures.PASSWORD, "198.51.100.2")).isEqualTo("/login?error");
        assertThat(output.getAll())
                .contains("Failed sign-in for '" + user.getUsername() + "' from 198.51.100.2: wrong password")
                .contains("Failed sign-in for 'no-such-user' from 198.51.100.2: unknown user");

        Fixtures.as(fixtures.principal("chief"), () -> accounts.setEnabled(user.userId(), false));
        assertThat(signIn(user.getUsername(), Fixtures.PASSWORD, "198.51.100.2")).isEqualTo("/login?error");
        assertThat(output.getAll()).contains("Sign-in refused for '" + user.getUsername() + "' from 198.51.100.2: account disabled");

        Fixtures.as(fixtures.principal("chief"), () -> accounts.setEnabled(user.userId(), true));
        assertThat(signIn(user.getUsername().toUpperCase(), Fixtures.PASSWORD, "198.51.100.2")).isEqualTo("/");
    }

    @Test
    @Order(3)
    void a_thousand_failed_sign_ins_are_throttled_and_the_app_stays_responsive(CapturedOutput output) throws Exception {
        var victim = fixtures.newUser("victim");
        var bystander = fixtures.newUser("bystander");

        for (int attempt = 0; attempt < 1000; attempt++) {
            // Spread over many addresses so that the account limit, not the address limit, is what stops it.
            assertThat(signIn(victim.getUsername(), "guess-" + attempt, "203.0.113." + (attempt % 200)))
                    .isEqualTo("/login?error");
        }

        long hashed = Pattern.compile("Failed sign-in for '" + victim.getUsername() + "'").matcher(output.getAll())
                .results().count();
        assertThat(hashed).as("attempts that reached the password check").isEqualTo(10);
        assertThat(output.getAll()).contains("Too many failed sign-ins for '" + victim.getUsername() + "'");

        // The real password is refused too while the account is locked ...
        assertThat(signIn(victim.getUsername(), Fixtures.PASSWORD, "192.0.2.10")).isEqualTo("/login?error");
        // ... while other people sign in and the server answers as usual.
        assertThat(signIn(bystander.getUsername(), Fixtures.PASSWORD, "192.0.2.11")).isEqualTo("/");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void one_address_guessing_many_accounts_is_refused_after_the_address_limit() throws Exception {
        var user = fixtures.newUser("shared");
        for (int i = 0; i < 30; i++) {
            signIn("someone-" + i, "guess", "192.0.2.99");
        }
        assertThat(signIn(user.getUsername(), Fixtures.PASSWORD, "192.0.2.99")).isEqualTo("/login?error");
        assertThat(signIn(user.getUsername(), Fixtures.PASSWORD, "192.0.2.100")).isEqualTo("/");
    }

    @Test
    @Order(5)
    void the_sign_in_form_needs_its_csrf_token_and_a_form_from_another_site_is_refused(CapturedOutput output)
            throws Exception {
        var user = fixtures.newUser("csrf");
        Map<String, String> address = Map.of("X-Forwarded-For", "192.0.2.50");

        // A forged form elsewhere has no token: refused, and the person is not signed in.
        var forger = new HttpSignIn(port);
        var withoutToken = forger.post(user.getUsername(), Fixtures.PASSWORD, null, address);
        assertThat(withoutToken.statusCode()).isEqualTo(302);
        assertThat(withoutToken.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/login?expired"));
        assertThat(forger.client().send(forger.request("/").GET().build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        // A token of another session does not help either.
        var stolen = new HttpSignIn(port).openForm(address);
        assertThat(forger.post(user.getUsername(), Fixtures.PASSWORD, stolen, address).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(output.getAll()).contains("Sign-in form without a valid CSRF token refused");

        // Even with its token, a post that the browser says comes from another site is refused.
        var browser = new HttpSignIn(port);
        var token = browser.openForm(address);
        var crossSite = new java.util.HashMap<>(address);
        crossSite.put("Sec-Fetch-Site", "cross-site");
        crossSite.put("Origin", "https://evil.example");
        assertThat(browser.post(user.getUsername(), Fixtures.PASSWORD, token, crossSite).statusCode()).isEqualTo(403);
        var oldBrowser = new java.util.HashMap<>(address);
        oldBrowser.put("Origin", "https://evil.example");
        assertThat(browser.post(user.getUsername(), Fixtures.PASSWORD, token, oldBrowser).statusCode()).isEqualTo(403);
        assertThat(output.getAll()).contains("Refused POST /login from another site");

        // The same form from this site signs in.
        var sameSite = new java.util.HashMap<>(address);
        sameSite.put("Sec-Fetch-Site", "same-origin");
        sameSite.put("Origin", "http://localhost:" + port);
        var signedIn = browser.post(user.getUsername(), Fixtures.PASSWORD, token, sameSite);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(URI.create(l).getPath()).isEqualTo("/"));
    }

    @Test
    @Order(6)
    void health_is_public_and_every_other_endpoint_needs_a_sign_in() throws Exception {
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/info").statusCode()).isIn(302, 401, 403);
        assertThat(get("/actuator/env").statusCode()).isIn(302, 401, 403, 404);
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /** Posts the sign-in form as a fresh browser would and returns where the server sends the user next. */
    private String signIn(String username, String password, String clientAddress) throws IOException, InterruptedException {
        return new HttpSignIn(port).signIn(username, password, Map.of("X-Forwarded-For", clientAddress));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
