package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.account.AccountService;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people: one takes rights away while the other has a page open on the review queue, the Users
 * page or the annotation editor. Each case is seen twice: the victim's next click, with the change
 * written straight into the database so that no notice can arrive first (as when it was made on
 * another node), is refused and applies nothing; and a change made through the application reaches
 * the open page by itself.
 */
class RevokedRightsJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountService accounts;
    @Autowired
    ProjectService projects;
    @Autowired
    EntityService entities;
    @Autowired
    JdbcTemplate jdbc;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    UUID submitted;

    @BeforeEach
    void projectWithAWaitingChangeset() {
        // Pages that are told by push, and this machine's load, take longer than Playwright's 5 seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        submitted = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Hama"),
                "Add Hama", true)).changesetId();
    }

    @Test
    void a_disabled_reviewer_cannot_approve_from_the_review_page_she_had_open() {
        Page victim = reviewPage(reviewer);
        jdbc.update("update app_user set enabled = false where id = ?", reviewer.userId());

        victim.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertSignedOut(victim, "disabled", "An administrator disabled your account.");
        assertNothingApplied();
        victim.navigate(url("projects/" + project + "/review"));
        assertThat(victim).hasURL(Pattern.compile(".*/login$"));

        // Disabled by an administrator on the Users page: her open page is told at once, without a click.
        jdbc.update("update app_user set enabled = true where id = ?", reviewer.userId());
        Page again = reviewPage(reviewer);
        Page admin = usersPage("admin", ADMIN_PASSWORD, reviewer.getUsername());
        chooseAction(admin, reviewer.getUsername(), "Disable");
        assertThat(admin.getByText(reviewer.getUsername() + " disabled.")).isVisible();
        assertSignedOut(again, "disabled", "An administrator disabled your account.");
        assertNothingApplied();
    }

    @Test
    void an_administrator_whose_role_was_removed_cannot_make_anyone_administrator_from_the_users_page() {
        AnnalsPrincipal deputy = fixtures.newUser("deputy");
        as(fixtures.admin(), () -> accounts.setAdmin(deputy.userId(), true));
        AnnalsPrincipal target = fixtures.newUser("target");
        Page victim = usersPage(deputy.getUsername(), Fixtures.PASSWORD, target.getUsername());
        jdbc.update("update app_user set admin = false where id = ?", deputy.userId());

        chooseAction(victim, target.getUsername(), "Make administrator");
        assertSignedOut(victim, "rights_changed", "An administrator changed your administrator rights.");
        assertThat(jdbc.queryForObject("select admin from app_user where id = ?", Boolean.class, target.userId())).isFalse();

        // Removed through the application: every open page of his is told.
        jdbc.update("update app_user set admin = true where id = ?", deputy.userId());
        Page again = usersPage(deputy.getUsername(), Fixtures.PASSWORD, target.getUsername());
        as(fixtures.admin(), () -> accounts.setAdmin(deputy.userId(), false));
        assertSignedOut(again, "rights_changed", "An administrator changed your administrator rights.");
    }

    @Test
    void an_editor_removed_from_the_project_cannot_save_from_the_open_editor_and_a_demoted_reviewer_is_told() {
        UUID source = fixtures.newSource(project, editor, "Report", "Rebels entered Hama on 5 December.");
        Page victim = signedIn(editor.getUsername(), Fixtures.PASSWORD);
        victim.navigate(url("projects/" + project + "/sources/" + source));
        assertThat(victim.locator("annals-text .passage").first()).isVisible();
        AnnotationJourneyTest.select(victim, "Hama", 0);
        AnnotationJourneyTest.chooseType(victim, "Claim");
        Locator dialog = victim.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("No link yet")).check();
        jdbc.update("delete from project_member where project_id = ? and user_id = ?", project, editor.userId());

        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to draft")).click();
        assertThat(victim.getByText("That item no longer exists")).isVisible();
        assertThat(jdbc.queryForObject("select count(*) from change_operation o join changeset c on c.id = o.changeset_id"
                + " where c.project_id = ? and o.record_kind = 'ANNOTATION'", Long.class, project)).isZero();

        // A reviewer lowered to viewer by a manager: the review page says so and loses its decisions.
        Page demoted = reviewPage(reviewer);
        as(fixtures.admin(), () -> projects.changeRole(project, reviewer.userId(), ProjectRole.VIEWER));
        assertThat(demoted.getByText("A manager changed your role in this project: you are now Viewer.")).isVisible();
        assertThat(demoted.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)))
                .isHidden();
        assertNothingApplied();
    }

    @Test
    void a_changed_password_ends_the_persons_other_sessions_and_a_reset_ends_every_one() {
        String renewed = "a fresh long passphrase 42";
        Page other = reviewPage(reviewer);
        Page account = signedIn(reviewer.getUsername(), Fixtures.PASSWORD);
        account.navigate(url("account"));
        account.getByLabel("Current password").fill(Fixtures.PASSWORD);
        account.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(renewed);
        account.getByLabel("Repeat new password").fill(renewed);
        account.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(account.getByText("Your password was changed.")).isVisible();

        // The other window, signed in with the old password, is sent to sign in; this one goes on.
        assertSignedOut(other, "password_changed", "Your password was changed");
        account.navigate(url("projects/" + project + "/review"));
        assertThat(account.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add Hama"))).isVisible();

        // An administrator resets it: every session of hers ends, the one she changed it in too.
        Page admin = usersPage("admin", ADMIN_PASSWORD, reviewer.getUsername());
        chooseAction(admin, reviewer.getUsername(), "Reset password");
        Locator dialog = admin.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("New password", new Locator.GetByLabelOptions().setExact(true)).fill(Fixtures.PASSWORD);
        dialog.getByLabel("Repeat new password").fill(Fixtures.PASSWORD);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password")).click();
        assertThat(admin.getByText("Password of " + reviewer.getUsername() + " was reset.")).isVisible();
        assertSignedOut(account, "password_changed", "Your password was changed");
        account.navigate(url("projects/" + project + "/review"));
        assertThat(account).hasURL(Pattern.compile(".*/login$"));
    }

    /** A window of a signed-in person, blank: open the page next. */
    private Page signedIn(String username, String password) {
        Page page = newPerson();
        signInOverHttp(page, username, password);
        return page;
    }

    private Page reviewPage(AnnalsPrincipal who) {
        Page page = signedIn(who.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/review"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add Hama"))).isVisible();
        return page;
    }

    private Page usersPage(String username, String password, String showing) {
        Page page = signedIn(username, password);
        page.navigate(url("admin/users"));
        page.locator("vaadin-text-field[placeholder='Filter by name'] input").fill(showing);
        assertThat(page.getByText(showing, new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        // Once the filter has left only this user's row, one menu button is shown: the row's "Actions",
        // or the menu bar's "More options" when the column is too narrow for it.
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(
                Pattern.compile("^(Actions for " + Pattern.quote(showing) + "|More options)$")))).hasCount(1);
        return page;
    }

    /** Chooses one of the actions for a user in the Users page's grid, through the overflow menu if need be. */
    private static void chooseAction(Page page, String username, String action) {
        Locator actions = page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions()
                .setName("Actions for " + username).setExact(true));
        if (!actions.isVisible()) {
            page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("More options")).click();
        }
        actions.click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(action).setExact(true)).click();
    }

    private static void assertSignedOut(Page page, String reason, String message) {
        assertThat(page).hasURL(Pattern.compile(".*/login\\?ended=" + reason));
        assertThat(page.getByText("You have been signed out", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText(message)).isVisible();
    }

    private void assertNothingApplied() {
        assertThat(jdbc.queryForObject("select state from changeset where id = ?", String.class, submitted))
                .isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from entity_record where project_id = ?", Long.class, project))
                .isZero();
    }
}
