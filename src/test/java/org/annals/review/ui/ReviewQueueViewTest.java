package org.annals.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The review queue page without a browser: what it shows, why buttons are disabled, and its keys. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class ReviewQueueViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ChangesetService changesets;


    private String heading() {
        return find(H3.class).all().stream().map(H3::getText).filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    @Test
    void keys_move_through_the_queue_and_approve_and_own_changesets_cannot_be_approved() {
        UUID project = fixtures.newProject(fixtures.admin());
        var editor = fixtures.newUser("kbd-editor");
        var reviewer = fixtures.newUser("kbd-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var first = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Salamiyah"),
                "First proposal", true));
        var second = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Morek"),
                "Second proposal", true));
        var own = Fixtures.as(reviewer, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Latamneh"),
                "Reviewer's own proposal", true));

        signIn(reviewer);
        navigate("projects/" + project + "/review", Component.class);
        assertThat(heading()).isEqualTo("First proposal");

        fireShortcut(Key.KEY_J, KeyModifier.ALT);
        assertThat(heading()).isEqualTo("Second proposal");
        fireShortcut(Key.KEY_J, KeyModifier.ALT);
        assertThat(heading()).isEqualTo("Reviewer's own proposal");
        Button approve = find(Button.class).all().stream().filter(b -> "Approve".equals(b.getText())).findFirst().orElseThrow();
        assertThat(approve.isEnabled()).isFalse();
        assertThat(approve.getTooltip().getText()).contains("cannot approve your own");

        fireShortcut(Key.KEY_K, KeyModifier.ALT);
        assertThat(heading()).isEqualTo("Second proposal");
        fireShortcut(Key.KEY_A, KeyModifier.ALT);
        // The key only asks; nothing is applied until the question is answered.
        ConfirmDialog question = find(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Approve this changeset?");
        assertThat(test(question).getText()).contains("Second proposal");
        assertThat(Fixtures.as(editor, () -> changesets.details(second.changesetId())).summary().state())
                .isEqualTo(ChangesetState.SUBMITTED);
        test(question).confirm();

        List<ChangesetState> states = Fixtures.as(editor, () -> changesets.mine(project, 10)).stream()
                .filter(c -> !c.id().equals(own.changesetId())).map(c -> c.state()).toList();
        assertThat(states).containsExactlyInAnyOrder(ChangesetState.APPROVED, ChangesetState.SUBMITTED);
        assertThat(Fixtures.as(editor, () -> changesets.details(second.changesetId())).summary().state())
                .isEqualTo(ChangesetState.APPROVED);
        assertThat(Fixtures.as(editor, () -> changesets.details(first.changesetId())).summary().state())
                .isEqualTo(ChangesetState.SUBMITTED);
    }

    @Test
    void a_changeset_that_uses_pending_records_shows_them_and_approves_them_together_after_a_question() {
        UUID project = fixtures.newProject(fixtures.admin());
        var editor = fixtures.newUser("dep-editor");
        var otherEditor = fixtures.newUser("dep-editor2");
        var reviewer = fixtures.newUser("dep-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, otherEditor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var city = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Manbij"),
                "Add Manbij", true));
        var district = Fixtures.as(otherEditor, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.PLACE, "Manbij old town").withPartOf(city.entityId()), "Add the old town", true));

        signIn(reviewer);
        navigate("projects/" + project + "/review", Component.class);
        assertThat(heading()).isEqualTo("Add Manbij");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withClassName("needed-by").single().getText())
                .contains("Needed by: \"Add the old town\"");
        assertThat(find(Button.class).withText("Approve").single().isEnabled()).isTrue();

        fireShortcut(Key.KEY_J, KeyModifier.ALT);
        assertThat(heading()).isEqualTo("Add the old town");
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).withClassName("depends-on").single().getText())
                .contains("Depends on: \"Add Manbij\" by").contains(editor.getUsername());
        Button approve = find(Button.class).withText("Approve with 1 dependency").single();
        test(approve).click();

        // The button only asks, naming what is approved with it; nothing is applied before the answer.
        ConfirmDialog question = find(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Approve with 1 dependency?");
        assertThat(find(com.vaadin.flow.component.html.ListItem.class).all())
                .extracting(com.vaadin.flow.component.html.ListItem::getText).anyMatch(t -> t.contains("Add Manbij"));
        assertThat(Fixtures.as(editor, () -> changesets.details(city.changesetId())).summary().state())
                .isEqualTo(ChangesetState.SUBMITTED);
        test(question).confirm();

        assertThat(Fixtures.as(editor, () -> changesets.details(city.changesetId())).summary().state())
                .isEqualTo(ChangesetState.APPROVED);
        assertThat(Fixtures.as(otherEditor, () -> changesets.details(district.changesetId())).summary().state())
                .isEqualTo(ChangesetState.APPROVED);
    }
}
