package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole moderation loop in a real browser: propose, review, decision, registry, history. */
class ModerationJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void an_editor_proposes_an_entity_a_reviewer_approves_it_and_it_appears_with_its_history() {
        var editor = fixtures.newUser("proposer");
        var reviewer = fixtures.newUser("checker");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        String name = "Military Operations Command " + UUID.randomUUID().toString().substring(0, 4);

        Page editorPage = newPerson();
        signInOverHttp(editorPage, editor.getUsername(), Fixtures.PASSWORD);
        editorPage.navigate(url("projects/" + project + "/entities"));
        editorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose an entity")).click();
        Locator form = editorPage.getByRole(AriaRole.DIALOG);
        form.getByLabel("Kind").click();
        editorPage.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Organisation or armed group")).click();
        form.getByLabel("Name").fill(name);
        form.getByLabel("Aliases").fill("إدارة العمليات العسكرية | ar\nMOC | en");
        form.getByLabel("Message for the reviewers").fill("Add the rebel command");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(editorPage.getByText("Your pending proposals")).isVisible();
        assertThat(editorPage.locator(".pending-overlay")).containsText(name);

        Page reviewerPage = newPerson();
        signInOverHttp(reviewerPage, reviewer.getUsername(), Fixtures.PASSWORD);
        reviewerPage.navigate(url("projects/" + project + "/review"));
        assertThat(reviewerPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add the rebel command")))
                .isVisible();
        assertThat(reviewerPage.locator(".diff")).containsText("إدارة العمليات العسكرية (ar)");
        reviewerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(reviewerPage.getByText("Approved and applied.")).isVisible();
        assertThat(reviewerPage.getByText("Nothing to review")).isVisible();

        editorPage.navigate(url("projects/" + project + "/entities"));
        editorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications (1 unread)")).click();
        assertThat(editorPage.getByText("Your changeset \"Add the rebel command\" was approved.")).isVisible();
        editorPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();
        editorPage.locator("input[placeholder='Search names and aliases']").fill("MOC");
        editorPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();

        assertThat(editorPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(2))).isVisible();
        assertThat(editorPage.locator(".history"))
                .containsText(Pattern.compile("create proposed by .*" + editor.getUsername() + ".*approved by .*"
                        + reviewer.getUsername()));
    }
}
