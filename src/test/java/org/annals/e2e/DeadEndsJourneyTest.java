package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.event.DatePrecision;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ways a person used to get stuck or lose work: an unknown address, a project that could not be
 * deleted, Esc throwing typed work away, a form emptied by an expired session, and dates the quick
 * date field did not understand.
 */
class DeadEndsJourneyTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    org.annals.review.ChangesetService changesets;

    UUID project;
    String projectName;
    AnnalsPrincipal manager;
    AnnalsPrincipal editor;

    /** A shared machine can be slow to draw a page: these tests wait for what they expect, longer than usual. */
    @BeforeEach
    void patience() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
    }

    @org.junit.jupiter.api.AfterAll
    void usualPatience() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    @BeforeEach
    void project() {
        manager = fixtures.newUser("keeper");
        editor = fixtures.newUser("writer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, manager, ProjectRole.MANAGER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        projectName = as(manager, () -> projects.get(project)).name();
    }

    private Page signedIn(AnnalsPrincipal who) {
        Page page = patientPerson();
        signInOverHttp(page, who.getUsername(), Fixtures.PASSWORD);
        return page;
    }

    private Page patientPerson() {
        Page page = newPerson();
        page.context().setDefaultTimeout(45_000);
        return page;
    }

    private static void assertNotFoundInShell(Page page) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your projects")))
                .isVisible();
        // Inside the application's frame: its navigation is there, not a bare error from the browser.
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Projects")).first())
                .isVisible();
    }

    @Test
    void unknown_addresses_show_the_not_found_page_to_signed_in_people_and_sign_in_to_others() {
        Page page = signedIn(editor);
        for (String path : new String[] {"users", "projects/" + project + "/nosuchpage", "no/such/thing",
                "admin/users", "projects/" + UUID.randomUUID() + "/nosuchpage"}) {
            page.navigate(url(path));
            assertNotFoundInShell(page);
        }
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to your projects")).click();
        assertThat(page.getByText(projectName)).isVisible();

        // Someone not signed in learns nothing about what exists: every address asks them to sign in.
        Page stranger = patientPerson();
        for (String path : new String[] {"users", "projects/" + project + "/nosuchpage",
                "projects/" + project + "/timeline"}) {
            stranger.navigate(url(path));
            stranger.waitForURL(Pattern.compile(".*/login$"));
            assertThat(stranger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        }
    }

    @Test
    void a_manager_deletes_a_project_after_reading_what_goes_and_typing_its_name_and_open_pages_leave() {
        fixtures.newSource(project, editor, "Report", "Rebels entered Aleppo on 30 November.");
        Page watching = signedIn(editor);
        watching.navigate(url("projects/" + project + "/timeline"));
        assertThat(watching.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose an event")))
                .isVisible();

        Page page = signedIn(manager);
        page.navigate(url("projects/" + project));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete project…")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.locator(".delete-project-contents")).containsText("1 source");
        assertThat(dialog.locator(".delete-project-contents")).containsText("3 members");
        Locator delete = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete this project"));
        assertThat(delete).isDisabled();
        Locator typed = dialog.getByLabel("Type the project's name to confirm");
        typed.fill(projectName + "x");
        assertThat(delete).isDisabled();
        typed.fill(projectName);
        assertThat(delete).isEnabled();
        delete.click();

        assertThat(page.getByText("Deleted \"" + projectName + "\"")).isVisible();
        assertThat(as(fixtures.admin(), () -> projects.findVisible(project))).isEmpty();
        // The other person's open page of the project leaves it, and says why.
        assertThat(watching.getByText("was deleted by one of its managers")).isVisible();
        watching.waitForURL(Pattern.compile(".*/$"));
        assertThat(watching.getByText(projectName)).isHidden();
    }

    @Test
    void the_event_form_keeps_typed_work_through_esc_and_an_expired_session_and_forgets_it_at_sign_out() {
        Page page = signedIn(editor);
        page.navigate(url("projects/" + project + "/timeline"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose an event")).click();
        Locator form = page.getByRole(AriaRole.DIALOG);
        form.getByLabel("Title").fill("Rebels take Hama");
        Locator start = form.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true));
        start.fill("5 Dec");
        start.press("Tab");
        assertThat(form.getByText("is not a date Annals understands")).isVisible();
        start.fill("December 2024");
        start.press("Tab");
        assertThat(form.getByText("Read as December 2024")).isVisible();
        form.getByLabel("Notes").fill("After a week of fighting north of the city.");

        // Esc asks before throwing the typing away; keeping on editing keeps everything.
        form.getByLabel("Notes").press("Escape");
        assertThat(page.getByText("Discard what you typed?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep editing")).click();
        assertThat(form.getByLabel("Title")).hasValue("Rebels take Hama");

        // The session ends (its cookie is gone): sign in again and open the timeline: the form is back.
        page.context().clearCookies();
        page.reload();
        page.waitForURL(Pattern.compile(".*/login$"));
        signIn(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/timeline"));
        form = page.getByRole(AriaRole.DIALOG);
        assertThat(form.getByLabel("Title")).hasValue("Rebels take Hama");
        assertThat(form.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true))).hasValue("December 2024");
        assertThat(form.getByLabel("Notes")).hasValue("After a week of fighting north of the city.");
        assertThat(page.getByText("Your unsaved event was kept in this browser")).isVisible();

        // Saved: the month is kept as a month.
        form.getByLabel("Type", new Locator.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION).first().click();
        form.getByLabel("Message for the reviewers").fill("Hama");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to my draft")).click();
        assertThat(form).isHidden();
        assertThat(page.getByText("Added to your draft")).isVisible();
        var draft = as(editor, () -> changesets.mine(project, 10)).getFirst();
        var proposed = (org.annals.event.EventPayload) as(editor, () -> changesets.proposedOperations(draft.id()))
                .getFirst().payload();
        assertThat(proposed.title()).isEqualTo("Rebels take Hama");
        assertThat(proposed.start().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(proposed.notes()).isEqualTo("After a week of fighting north of the city.");

        // Typed again and left open (the page is left by a new address): kept ...
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose an event")).click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Title").fill("Something private");
        page.waitForFunction("() => Object.keys(localStorage).some(k => k.startsWith('annals-draft:'))");
        page.navigate(url(""));
        assertThat((Boolean) page.evaluate("() => Object.keys(localStorage).some(k => k.startsWith('annals-draft:'))"))
                .isTrue();
        // ... until the person signs out: nothing stays in the browser for the next person.
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("User menu")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(Pattern.compile(".*/login$"));
        assertThat((Boolean) page.evaluate("() => Object.keys(localStorage).some(k => k.startsWith('annals-draft:'))"))
                .isFalse();
    }

    @Test
    void esc_in_the_annotation_dialog_asks_first_and_its_date_takes_what_the_guide_teaches() {
        UUID source = fixtures.newSource(project, editor, "Report", "The army withdrew from Hama on 5 December 2024.");
        Page page = signedIn(editor);
        page.navigate(url("projects/" + project + "/sources/" + source));
        assertThat(page.locator("annals-text .passage").first()).isVisible();
        // Esc, then Discard: the dialog goes and nothing comes back after a reload.
        AnnotationJourneyTest.select(page, "Hama", 0);
        AnnotationJourneyTest.chooseType(page, "Entity mention");
        Locator entityDialog = page.getByRole(AriaRole.DIALOG);
        entityDialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New entity")).check();
        entityDialog.getByLabel("Name").fill("Hama city");
        entityDialog.getByLabel("Name").press("Escape");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard")).click();
        assertThat(entityDialog).isHidden();
        // Discarded on purpose: the browser keeps no copy to offer back.
        page.waitForFunction("() => !Object.keys(localStorage).some(k => k.startsWith('annals-draft:'))");

        AnnotationJourneyTest.select(page, "withdrew from Hama", 0);
        AnnotationJourneyTest.chooseType(page, "Event mention");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("New event"))
                .check();
        // "New event" is the full event form.
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("New event from the selection"));
        Locator date = dialog.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true));
        date.fill("05/12/2024");
        date.press("Tab");
        assertThat(dialog.getByText("could be 5 December or 12 May")).isVisible();
        date.fill("5 December 2024");
        date.press("Tab");
        assertThat(dialog.getByText("Read as 5 December 2024")).isVisible();

        // Esc asks; keeping on editing keeps what was typed.
        date.press("Escape");
        assertThat(page.getByText("Discard what you typed?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep editing")).click();
        assertThat(dialog.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true))).hasValue("5 December 2024");

        AnnotationJourneyTest.chooseOption(page, dialog, "Type", as(editor,
                () -> taxonomyFirst()));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to draft")).click();
        assertThat(dialog).isHidden();
        assertThat(page.locator(".draft-count")).containsText("1 annotation");
        assertThat(as(editor, () -> annotations.linkCandidates(project, "EVENT", "withdrew", 5)))
                .anySatisfy(c -> assertThat(c.label()).contains("5 December 2024"));

    }

    @Autowired
    org.annals.annotation.AnnotationService annotations;
    @Autowired
    org.annals.event.TaxonomyService taxonomy;

    private String taxonomyFirst() {
        return taxonomy.taxonomy(project).getFirst().name();
    }
}
