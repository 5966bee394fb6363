package org.annals.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.WorkingDraftService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "My draft" without a browser: the list, links, removing with what depends on it, split and submit. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class MyDraftViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    WorkingDraftService drafts;
    @Autowired
    ChangesetService changesets;

    UUID project;
    UUID first;
    UUID second;
    AnnalsPrincipal editor;

    @BeforeEach
    void anEditorWithMarksInTwoSources() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("draft-view");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        first = fixtures.newSource(project, editor, "Dawn report", "Rebels entered Aleppo.");
        second = fixtures.newSource(project, editor, "Evening report", "Fighting went on in Hama.");
        Fixtures.as(editor, () -> annotations.annotate(project, first, 15, 21, "Aleppo",
                AnnotationType.ENTITY_MENTION, new LinkChoice.NewEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo"))));
        Fixtures.as(editor, () -> annotations.annotate(project, second, 0, 8, "Fighting",
                AnnotationType.CLAIM, LinkChoice.none()));
        signIn(editor);
    }

    @SuppressWarnings("unchecked")
    private Grid<WorkingDraftService.DraftItem> grid() {
        return find(Grid.class).single();
    }

    private Button button(String text) {
        return find(Button.class).all().stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    private String summary() {
        return find(Span.class).withClassName("draft-summary").single().getText();
    }

    @Test
    void the_draft_lists_every_item_with_where_it_is_and_removing_a_used_record_asks_to_remove_its_users() {
        navigate("projects/" + project + "/draft", Component.class);
        var rows = test(grid());
        assertThat(rows.size()).isEqualTo(3);
        assertThat(summary()).isEqualTo("3 items in your draft.");
        assertThat(rows.getCellText(0, 0)).isEqualTo("Entity");
        assertThat(rows.getCellText(0, 1)).isEqualTo("New");
        assertThat(rows.getCellText(0, 2)).isEqualTo("Place: Aleppo");
        assertThat(rows.getCellComponent(0, 3)).isInstanceOf(Span.class);
        assertThat(rows.getCellComponent(1, 3)).isInstanceOfSatisfying(Anchor.class, link -> {
            assertThat(link.getText()).isEqualTo("Dawn report");
            assertThat(link.getHref()).isEqualTo("projects/" + project + "/sources/" + first + "?annotation="
                    + rows.getRow(1).recordId());
        });
        assertThat(((Anchor) rows.getCellComponent(2, 3)).getText()).isEqualTo("Evening report");

        test((Button) rows.getCellComponent(0, 4)).click();
        ConfirmDialog question = find(ConfirmDialog.class).single();
        assertThat(test(question).getText()).contains("\"Place: Aleppo\" is used by another item").contains("Aleppo");
        assertThat(Fixtures.as(editor, () -> drafts.count(project))).as("nothing removed before the answer")
                .isEqualTo(3);
        test(question).confirm();

        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.getCellText(0, 2)).contains("Fighting");
        assertThat(summary()).isEqualTo("1 item in your draft.");
        assertThat(Fixtures.as(editor, () -> annotations.editor(project, first)).annotations()).isEmpty();
    }

    @Test
    void chosen_items_move_to_a_changeset_of_their_own_and_the_rest_is_submitted_with_a_message() {
        navigate("projects/" + project + "/draft", Component.class);
        var rows = test(grid());
        assertThat(button("Move selected to a new changeset…").isEnabled()).isFalse();
        rows.select(2);
        test(button("Move selected to a new changeset…")).click();
        test(find(TextArea.class).last()).setValue("Hama, apart");
        test(button("Move and submit")).click();

        assertThat(rows.size()).isEqualTo(2);
        var split = Fixtures.as(editor, () -> changesets.mine(project, 10)).stream()
                .filter(c -> c.message().equals("Hama, apart")).findFirst().orElseThrow();
        assertThat(split.state()).isEqualTo(ChangesetState.SUBMITTED);
        assertThat(split.operationLabels()).singleElement().asString().contains("Fighting");

        UUID draft = Fixtures.as(editor, () -> drafts.overview(project)).orElseThrow().changesetId();
        test(button("Submit for review…")).click();
        test(find(TextArea.class).last()).setValue("Aleppo in the dawn report");
        test(button("Submit")).click();
        assertThat(Fixtures.as(editor, () -> changesets.details(draft)).summary()).satisfies(s -> {
            assertThat(s.state()).isEqualTo(ChangesetState.SUBMITTED);
            assertThat(s.message()).isEqualTo("Aleppo in the dawn report");
        });
        assertThat(rows.size()).isZero();
        assertThat(summary()).isEqualTo("Nothing in your draft.");
        assertThat(button("Submit for review…").isEnabled()).isFalse();
    }
}
