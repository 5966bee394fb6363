package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.project.ProjectRole;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The first things people do in Annals, in a real browser. */
class FoundationJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void admin_creates_a_user_and_a_project_adds_the_user_as_editor_and_the_user_sees_it() {
        String username = Fixtures.uniqueName("editor");
        String projectName = "Journey " + UUID.randomUUID().toString().substring(0, 8);

        Page admin = newPerson();
        signIn(admin, "admin", ADMIN_PASSWORD);
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projects").setLevel(2))).isVisible();

        admin.navigate(url("admin/users"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New user")).click();
        admin.getByLabel("User name").fill(username);
        admin.getByLabel("Display name").fill("Eddie Editor");
        admin.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("New password").setExact(true))
                .fill(Fixtures.PASSWORD);
        admin.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Repeat new password"))
                .fill(Fixtures.PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
        assertThat(admin.getByText("User " + username + " created")).isVisible();

        admin.navigate(url(""));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New project")).first().click();
        admin.getByLabel("Name").fill(projectName);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
        assertThat(admin.getByText(projectName).first()).isVisible();
        assertThat(admin).hasURL(Pattern.compile(".*/projects/[0-9a-f-]{36}$"));

        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members")).click();
        admin.getByLabel("Add a user").fill(username);
        admin.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile(username))).click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();
        assertThat(admin.getByText("Eddie Editor (" + username + ") added as Editor.")).isVisible();

        admin.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("User menu")).click();
        admin.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(admin).hasURL(Pattern.compile(".*/login$"));

        Page editor = newPerson();
        signIn(editor, username, Fixtures.PASSWORD);
        assertThat(editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(projectName))).isVisible();
        assertThat(editor.getByText("Editor", new Page.GetByTextOptions().setExact(true))).isVisible();
    }

    @Test
    void a_wrong_password_shows_an_error_and_keeps_the_user_out() {
        Page page = newPerson();
        signIn(page, "admin", "not-the-admin-password");
        assertThat(page.getByText("Incorrect user name or password")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        page.navigate(url(""));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void a_viewer_opening_the_members_page_by_url_is_refused() {
        var viewer = fixtures.newUser("viewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);

        Page page = newPerson();
        signIn(page, viewer.getUsername(), Fixtures.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Projects").setLevel(2))).isVisible();
        page.navigate(url("projects/" + project + "/members"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Access denied"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member"))).hasCount(0);
        // The overview stays open to them, without the members link.
        page.navigate(url("projects/" + project));
        assertThat(page.getByText("Your role: Viewer")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members"))).hasCount(0);
    }
}
