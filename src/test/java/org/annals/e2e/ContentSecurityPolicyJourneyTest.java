package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.annals.security.SecurityHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vaadin's pages work under the Content-Security-Policy Annals sends: a real Chromium signs in and
 * opens the pages that use the most of the browser (the projects list, a source with the text
 * component, the timeline with its charts, review, entities, export, the users page), and the
 * browser reports not a single violation of the policy, neither on the console nor as a
 * {@code securitypolicyviolation} event.
 */
class ContentSecurityPolicyJourneyTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_page_works_and_the_browser_reports_no_policy_violation() {
        // Pages of a busy test machine may take longer than the default five seconds to render.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Page page = newPerson();
        List<String> violations = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().contains("Content-Security-Policy")) {
                violations.add(message.type() + ": " + message.text());
            }
        });
        page.addInitScript("""
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', e =>
                    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
                """);

        var login = page.navigate(url("login"));
        assertThat(login.headers().get("content-security-policy")).isEqualTo(SecurityHeaders.PAGE_POLICY);
        signIn(page, "admin", ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projects"))).isVisible();
        // The control: a script from elsewhere is blocked, and both listeners see it.
        page.evaluate("() => { const s = document.createElement('script'); s.src = 'https://scripts.example/x.js';"
                + " document.head.appendChild(s); }");
        collect(page, violations);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("script-src"))
                .anySatisfy(v -> assertThat(v).contains("Content Security Policy"));
        violations.clear();
        page.evaluate("() => { window.__cspViolations = []; }");

        UUID project = jdbc.queryForObject("select id from project order by created_at limit 1", UUID.class);
        UUID source = jdbc.queryForObject("select id from source where project_id = ? order by created_at limit 1",
                UUID.class, project);
        String base = "projects/" + project;

        page.navigate(url(base + "/sources/" + source));
        assertThat(page.locator("annals-text .passage").first()).isVisible();
        collect(page, violations);

        page.navigate(url(base + "/timeline"));
        assertThat(page.locator("annals-timeline-charts canvas").first()).isVisible();
        assertThat(page.locator("annals-timeline-charts[drawn]")).hasCount(1); // Chart.js's chunk loaded under the policy
        collect(page, violations);

        for (String path : List.of(base + "/review", base + "/entities", base + "/export", base + "/sources",
                "admin/users", "account")) {
            page.navigate(url(path));
            assertThat(page.locator("vaadin-app-layout, .login-view").first()).isVisible();
            assertThat(page.getByText("Something went wrong")).hasCount(0);
            collect(page, violations);
        }

        assertThat(violations).as("Content Security Policy violations").isEmpty();
    }

    /** Moves what the page's own listener saw into the list (each navigation starts a new page). */
    private static void collect(Page page, List<String> violations) {
        page.waitForLoadState();
        page.waitForTimeout(300); // Violations are reported asynchronously after the render.
        Object seen = page.evaluate("() => window.__cspViolations || []");
        if (seen instanceof List<?> list) {
            list.forEach(v -> violations.add(page.url() + ": " + v));
        }
    }
}
