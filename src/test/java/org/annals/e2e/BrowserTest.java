package org.annals.e2e;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the end-to-end tests: the whole application on a random port (embedded H2) and a real
 * headless Chromium. Each simulated person gets their own browser context, i.e. their own cookies.
 * Leave these tests out with {@code -Dannals.skipBrowserTests=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Every browser signs in from 127.0.0.1: keep the per-address limit out of the way of the tests.
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = {"annals.security.login-throttle.max-failures-per-address=1000",
                "annals.sample-project.enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final String ADMIN_PASSWORD = "correct-horse-battery-staple-42";

    @LocalServerPort
    int port;

    private Playwright playwright;
    private Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        assumeFalse(Boolean.getBoolean("annals.skipBrowserTests"), "browser tests skipped by annals.skipBrowserTests");
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh browser window for one person. */
    Page newPerson() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        Page page = context.newPage();
        // Errors in the browser explain most failures of a browser test; they go to the test's output.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                System.out.println("[browser] " + message.text());
            }
        });
        page.onPageError(error -> System.out.println("[browser] " + error));
        return page;
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Signs in through the sign-in page, as a person does: for the tests of that page and of where it leads. */
    void signIn(Page page, String username, String password) {
        page.navigate(url("login"));
        submitSignInForm(page, username, password);
    }

    /** Fills in and sends the sign-in form of the page the person has open. */
    void submitSignInForm(Page page, String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password")).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }

    /**
     * Signs the person in without drawing a page: the sign-in form is posted over HTTP as the browser posts it (its
     * CSRF token, the real form login) and the new session's cookie is handed to the person's browser. Drawing the
     * sign-in page and the projects page it leads to costs every test seconds on a busy machine; the sign-in page
     * itself is tested through the browser by SignInMessagesTest, FoundationJourneyTest and ProductionModeTest. The
     * page stays blank: open the page the test is about next.
     */
    void signInOverHttp(Page page, String username, String password) {
        var form = new HttpSignIn(port);
        String landing;
        try {
            landing = form.signIn(username, password, Map.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!"/".equals(landing)) {
            throw new AssertionError("signing in as " + username + " led to " + landing);
        }
        var cookies = form.cookies().stream()
                .map(cookie -> new Cookie(cookie.getName(), cookie.getValue()).setUrl(url("")))
                .toList();
        page.context().addCookies(cookies);
    }
}
