package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventRecordType;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sentence marked in a real browser becomes a full event: the form opens pre-filled from the
 * sentence, a place not in the registry is created inline, and one save puts the place, the event and
 * the annotation into the editor's draft.
 */
class EventFromSelectionJourneyTest extends BrowserTest {

    /** A sentence of the sample corpus (004, the 2024 Hama offensive), with the year the report leaves out. */
    static final String SENTENCE = "On 30 November 2024, a Russian airstrike killed fifteen civilians in Atarib in the"
            + " western Aleppo countryside.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ChangesetService changesets;
    @Autowired
    TaxonomyService taxonomy;

    @Test
    void select_new_event_prefilled_create_a_place_inline_and_save_one_draft() {
        var editor = fixtures.newUser("journey");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        UUID source = fixtures.newSource(project, editor, "Hama offensive", SENTENCE);
        String firstType = as(editor, () -> taxonomy.taxonomy(project)).getFirst().name();

        Page page = newPerson();
        signInOverHttp(page, editor.getUsername(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + project + "/sources/" + source));
        // The first page of a fresh server may take a while.
        assertThat(page.locator("annals-text .passage").first()).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        AnnotationJourneyTest.select(page, SENTENCE, 0);
        AnnotationJourneyTest.chooseType(page, "Event mention");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("New event")).check();

        Locator form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New event from the selection"));
        assertThat(form.getByLabel("Start", new Locator.GetByLabelOptions().setExact(true))).hasValue("2024-11-30");
        assertThat(form.getByText("From the text: “30 November 2024”")).isVisible();
        assertThat(form.getByLabel("Figure", new Locator.GetByLabelOptions().setExact(true))).hasValue("15");
        assertThat(form.getByText("From the text: “killed fifteen”")).isVisible();

        Locator place = form.getByLabel("Place", new Locator.GetByLabelOptions().setExact(true));
        place.click();
        place.pressSequentially("Atarib");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Create “Atarib” as a new place…")).click();
        Locator entity = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New place"));
        assertThat(entity.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))).hasValue("Atarib");
        entity.getByLabel("Aliases").fill("أتارب | ar");
        entity.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        assertThat(entity).isHidden();
        assertThat(place).hasValue("Atarib (new)");

        AnnotationJourneyTest.chooseOption(page, form, "Type", firstType);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save to draft")).click();
        assertThat(form).isHidden();
        assertThat(page.locator(".draft-count")).containsText("1 annotation");

        UUID draft = as(editor, () -> annotations.editor(project, source)).draftId();
        assertThat(as(editor, () -> changesets.proposedOperations(draft))).extracting(ProposedOperation::kind)
                .containsExactly(EntityRecordType.KIND, EventRecordType.KIND, AnnotationRecordType.KIND);
    }
}
