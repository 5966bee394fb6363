package org.annals.event.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.LinkCandidate;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pickers offer, after the vetted records, what the person may already use (decision 0023): their own
 * drafts' new records and proposals submitted for review, marked; never someone else's draft.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class PendingPickersTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    AnnotationService annotations;

    UUID project;
    AnnalsPrincipal editor;

    @BeforeEach
    void vettedDraftedAndProposedPlaces() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("picker-editor");
        var otherEditor = fixtures.newUser("picker-editor2");
        var reviewer = fixtures.newUser("picker-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, otherEditor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var vetted = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Afrin"),
                "Add Afrin", true));
        Fixtures.as(reviewer, () -> review.approve(vetted.changesetId(), null));
        Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Afrin dam"),
                "My draft", false));
        Fixtures.as(otherEditor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Afrin river"),
                "Submitted", true));
        Fixtures.as(otherEditor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Afrin bridge"),
                "Their draft", false));
        Fixtures.as(otherEditor, () -> entities.proposeCreate(project,
                EntityPayload.of(EntityKind.ORGANIZATION, "Afrin Liberation Forces"), "Submitted group", true));
        signIn(editor);
    }

    /** The form's picker, not the page's filter of the same name. */
    private static boolean inDialog(Component component) {
        for (var c = component.getParent(); c.isPresent(); c = c.get().getParent()) {
            if (c.get() instanceof com.vaadin.flow.component.dialog.Dialog) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_event_forms_place_and_actor_pickers_offer_pending_entities_after_vetted_ones_marked() {
        navigate("projects/" + project + "/timeline", Component.class);
        test(find(Button.class).withText("Propose an event").single()).click();

        @SuppressWarnings("unchecked")
        ComboBox<Object> place = find(ComboBox.class).all().stream().filter(c -> "Place".equals(c.getLabel()) && inDialog(c))
                .findFirst().orElseThrow();
        test(place).setFilter("afrin");
        // Places only: the armed group is offered to actors, not as a place.
        assertThat(test(place).getSuggestions())
                .containsExactly("Afrin", "Afrin river (proposed)", "Afrin dam (draft)");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> actors = find(MultiSelectComboBox.class).all().stream()
                .filter(c -> "Primary actors".equals(c.getLabel())).findFirst().orElseThrow();
        test(actors).setFilter("liberation");
        assertThat(test(actors).getSuggestions()).containsExactly("Afrin Liberation Forces (proposed)");
    }

    @Test
    void the_entity_forms_part_of_picker_offers_them_too() {
        navigate("projects/" + project + "/entities", Component.class);
        test(find(Button.class).withText("Propose an entity").single()).click();

        @SuppressWarnings("unchecked")
        ComboBox<Object> partOf = find(ComboBox.class).all().stream().filter(c -> "Part of".equals(c.getLabel()))
                .findFirst().orElseThrow();
        test(partOf).setFilter("afrin");
        assertThat(test(partOf).getSuggestions()).first().asString().startsWith("Afrin (");
        assertThat(test(partOf).getSuggestions()).hasSize(4)
                .anyMatch(s -> s.startsWith("Afrin dam (") && s.endsWith("(draft)"))
                .noneMatch(s -> s.contains("bridge"));
    }

    @Test
    void the_link_dialog_gets_pending_records_after_vetted_ones() {
        var candidates = Fixtures.as(editor, () -> annotations.linkCandidates(project, EntityRecordType.KIND, "afrin", 10));

        assertThat(candidates).extracting(LinkCandidate::label, LinkCandidate::proposed, LinkCandidate::draft)
                .startsWith(org.assertj.core.api.Assertions.tuple("Place: Afrin", false, false))
                .contains(org.assertj.core.api.Assertions.tuple("Place: Afrin dam", true, true),
                        org.assertj.core.api.Assertions.tuple("Place: Afrin river", true, false))
                .noneMatch(t -> t.toList().contains("Place: Afrin bridge"));
    }
}
