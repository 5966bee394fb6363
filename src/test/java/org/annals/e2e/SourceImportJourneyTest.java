package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Importing a source in a real browser, and reading the sample project. */
class SourceImportJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    org.annals.settings.SiteSettingsService settings;
    @Autowired
    org.annals.source.SourceService sources;

    @Test
    void an_editor_uploads_a_file_adjusts_the_preview_imports_it_and_reads_it() throws IOException {
        var editor = fixtures.newUser("importer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        Path file = Files.createTempDirectory("annals-upload").resolve("homs-offensive.txt");
        try (InputStream sample = getClass().getResourceAsStream("/samples/syria-2024/003_98e4072bd07ceaa8.txt")) {
            Files.write(file, sample.readAllBytes());
        }

        Page page = newPerson();
        signInOverHttp(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/sources"));
        assertThat(page.getByText("No sources yet")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import sources")).click();

        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.getByText(Pattern.compile("Plain text, UTF-8, \\d+ blocks"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review homs-offensive.txt")).click();

        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.getByText("Looks like page chrome").first()).isVisible();
        dialog.getByLabel("Title").fill("Homs offensive (browser test)");
        dialog.getByLabel("Publisher").fill("Wikipedia");
        // Adjust the proposal: keep everything, page chrome included, then drop the very first block.
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep all")).click();
        assertThat(dialog.locator("vaadin-checkbox:not([checked])")).hasCount(0);
        String firstBlock = dialog.locator(".block-text").first().textContent();
        Locator firstKeep = dialog.locator("vaadin-checkbox").first();
        firstKeep.click();
        assertThat(firstKeep).not().hasAttribute("checked", "");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import this source")).click();

        assertThat(page.getByText(Pattern.compile("^Imported: .* passages"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the library")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Homs offensive (browser test)")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Homs offensive (browser test)").setLevel(2))).isVisible();
        assertThat(page.getByText(Pattern.compile("Wikipedia · .*sections"))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Contents"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Background"))).isVisible();
        assertThat(page.locator(".reader-text")).containsText("Last updated");
        assertThat(page.locator(".reader-text .passage").first()).not().hasText(firstBlock);
        assertThat(page.locator(".reader-text .citation").first()).isVisible();
    }

    /** The sample project is created in the background after start-up: wait for it, within bounds. */
    private ProjectSummary sampleProject() throws InterruptedException {
        for (int attempt = 0; attempt < 480; attempt++) {
            var found = Fixtures.as(fixtures.admin(), () -> projects.myProjects()).stream()
                    .filter(p -> p.name().equals("Syria 2024 offensives")).findFirst();
            if (found.isPresent() && Fixtures.as(fixtures.admin(), () -> settings.sampleProjectCreated())
                    && Fixtures.as(fixtures.admin(), () -> sources.count(found.get().id(), "")) == 5) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The sample project with five sources and its timeline was not created");
    }

    @Test
    void the_sample_project_holds_the_five_sample_sources() throws InterruptedException {
        ProjectSummary sample = sampleProject();
        Page page = newPerson();
        signInOverHttp(page, "admin", ADMIN_PASSWORD);
        page.navigate(url("projects/" + sample.id() + "/sources"));
        assertThat(page.locator("vaadin-grid-cell-content a")).hasCount(5);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2024 Hama offensive")).click();
        assertThat(page.getByText(Pattern.compile("CC BY-SA 4.0; attribution: Wikipedia contributors"))).isVisible();
        assertThat(page.locator(".reader-text")).not().containsText("Jump to content");
    }
}
