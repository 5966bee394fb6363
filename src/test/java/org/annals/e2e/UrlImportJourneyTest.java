package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.source.Original;
import org.annals.support.Fixtures;
import org.annals.support.LocalWebServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Import by address in a real browser: two addresses pasted, previewed, imported; the capture on the source page. */
class UrlImportJourneyTest extends BrowserTest {

    static final LocalWebServer WEB = LocalWebServer.shared();

    @DynamicPropertySource
    static void allowTheTestServer(DynamicPropertyRegistry registry) {
        registry.add("annals.fetch.allowed-private-hosts", WEB::allowedHost);
    }

    @Autowired
    Fixtures fixtures;

    @org.junit.jupiter.api.BeforeEach
    void longerWaits() {
        // The list arrives by push after the server fetched; the reader page is heavy: this machine's load makes
        // both take longer than Playwright's 5 seconds.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @org.junit.jupiter.api.AfterEach
    void usualWaits() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    @Test
    void an_editor_pastes_two_addresses_imports_both_and_finds_where_and_when_each_was_captured() throws IOException {
        var editor = fixtures.newUser("url-importer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);

        Page page = newPerson();
        signInOverHttp(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/import"));
        page.getByText("From web addresses").click();
        page.getByLabel("Web addresses, one per line").fill(WEB.url("/r/1") + "\n" + WEB.url("/second.html"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fetch addresses")).click();

        assertThat(page.getByText("2 of 2 fetched: see the list below.")).isVisible();
        assertThat(page.getByText(Pattern.compile("HTML, UTF-8 \\(declared by the server\\), main content"))).hasCount(2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import all ready files")).click();
        assertThat(page.getByText("2 imported.")).isVisible();

        page.navigate(url("projects/" + project + "/sources"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aid convoy reaches Hama")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shelling of Idlib villages")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Shelling of Idlib villages")
                .setLevel(2))).isVisible();

        var capture = page.locator(".capture-summary");
        assertThat(capture).containsText(Pattern.compile("Captured .* · HTTP 200 · text/html; charset=utf-8"));
        capture.getByText(Pattern.compile("^Captured ")).click();
        assertThat(capture.locator(".capture-final-url")).containsText(WEB.url("/article.html"));
        assertThat(capture.locator(".capture-final-url")).containsText("asked for " + WEB.url("/r/1"));
        byte[] served = LocalWebServer.bytesOf("/article.html");
        assertThat(capture.locator(".capture-sha256")).hasText("SHA-256 " + Original.sha256(served));
        assertThat(page.locator(".reader-text")).containsText("Kafr Nubl");
        assertThat(page.locator(".reader-text")).not().containsText("Advertisement");

        Download download = page.waitForDownload(() -> capture.getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Download the original")).click());
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(served);
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("article.html");

        // A PDF by address: the reader gives its page in the margin, drawn beside the text, not in it.
        page.navigate(url("projects/" + project + "/import"));
        page.getByText("From web addresses").click();
        page.getByLabel("Web addresses, one per line").fill(WEB.url("/report.pdf"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fetch addresses")).click();
        assertThat(page.getByText("1 of 1 fetched: see the list below.")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import all ready files")).click();
        assertThat(page.getByText("1 imported.")).isVisible();
        page.navigate(url("projects/" + project + "/sources"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monitoring report on Aleppo")).click();
        var firstPassage = page.locator("annals-text .passage").first();
        assertThat(firstPassage).isVisible();
        org.assertj.core.api.Assertions.assertThat(firstPassage.evaluate(
                "el => getComputedStyle(el, '::before').content")).isEqualTo("\"p. 1\"");
        assertThat(page.locator(".reader-text")).not().containsText("p. 1");
    }
}
