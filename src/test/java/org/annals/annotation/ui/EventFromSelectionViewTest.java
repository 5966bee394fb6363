package org.annals.annotation.ui;

import org.annals.event.Casualties;
import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.prefill.SourceContext;
import org.annals.event.ui.EventFromSelection;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "New event" from a marked passage without a browser: the full event form opens pre-filled (each value
 * marked with its words), a place not in the registry is created inline, and one save puts the entity,
 * the event and the annotation into the editor's draft.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class EventFromSelectionViewTest extends SignedInBrowserlessTest {

    private static final String SENTENCE = "On 30 November 2024, a Russian airstrike killed fifteen civilians in Atarib"
            + " in the western countryside.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    ChangesetService changesets;
    @Autowired
    AnnotationService annotations;
    @Autowired
    EventFromSelection eventFromSelection;

    private UUID project;
    private UUID source;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal reviewer;

    @BeforeEach
    void projectWithASource() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("sel-editor");
        reviewer = fixtures.newUser("sel-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        source = fixtures.newSource(project, editor, "Airstrikes report", SENTENCE);
    }


    private UUID approvedEntity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private Dialog topDialog() {
        return find(Dialog.class).all().stream().filter(Dialog::isOpened).reduce((a, b) -> b).orElseThrow();
    }

    private <T extends Component> T inForm(Class<T> type, String label) {
        return find(type).withLabel(label).all().stream().filter(c -> topDialog().getElement()
                .equals(c.getElement().getParent() == null ? null : ancestorDialog(c))).findFirst().orElseThrow();
    }

    private static com.vaadin.flow.dom.Element ancestorDialog(Component c) {
        var element = c.getElement();
        while (element != null && !(element.getComponent().orElse(null) instanceof Dialog)) {
            element = element.getParent();
        }
        return element;
    }

    @Test
    void marking_a_sentence_and_choosing_new_event_saves_the_new_place_the_event_and_the_annotation_in_one_draft() {
        signIn(editor);
        navigate("projects/" + project + "/sources/" + source, Component.class);
        AnnotatedText text = find(AnnotatedText.class).single();
        ComponentUtil.fireEvent(text, new AnnotatedText.AnnotateEvent(text, true, "EVENT_MENTION", 0,
                SENTENCE.length(), SENTENCE));

        test(find(RadioButtonGroup.class).withLabel("Link to").single()).selectItem(LinkDialog.NEW_EVENT);

        // The full form, pre-filled from the sentence, every value marked with its words.
        assertThat(topDialog().getHeaderTitle()).isEqualTo("New event from the selection");
        TextField start = inForm(TextField.class, "Start");
        assertThat(start.getValue()).isEqualTo("2024-11-30");
        assertThat(start.getHelperText()).contains("From the text: “30 November 2024”");
        TextField figure = find(TextField.class).withCaption("Figure").single();
        assertThat(figure.getValue()).isEqualTo("15");
        assertThat(figure.getHelperText()).isEqualTo("From the text: “killed fifteen”");
        @SuppressWarnings("unchecked")
        ComboBox<EntitySummary> place = inForm(ComboBox.class, "Place");
        assertThat(place.getValue()).as("Atarib is not in the registry: nothing guessed").isNull();

        // Atarib is created inline, with an alias in Arabic, and chosen.
        test(place).setFilter("Atarib");
        assertThat(test(place).getSuggestions()).last().isEqualTo("Create “Atarib” as a new place…");
        test(place).selectItem("Create “Atarib” as a new place…");
        assertThat(topDialog().getClassNames()).contains("inline-entity-form");
        assertThat(inForm(TextField.class, "Name").getValue()).isEqualTo("Atarib");
        test(inForm(TextArea.class, "Aliases")).setValue("أتارب | ar");
        test(find(Button.class).withText("Add").single()).click();
        assertThat(place.getValue().name()).isEqualTo("Atarib");
        assertThat(place.getItemLabelGenerator().apply(place.getValue())).isEqualTo("Atarib (new)");

        // An actor not in the registry either: created inline as an armed group, in the role chosen.
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<EntitySummary> primary = inForm(MultiSelectComboBox.class, "Primary actors");
        test(primary).setFilter("Russian Aerospace Forces");
        test(primary).selectItem("Create “Russian Aerospace Forces” as a new person or group…");
        assertThat(topDialog().getClassNames()).contains("inline-entity-form");
        @SuppressWarnings("unchecked")
        Select<EntityKind> kind = inForm(Select.class, "Kind");
        test(kind).selectItem(EntityKind.ORGANIZATION.displayName());
        test(find(Button.class).withText("Add").single()).click();
        assertThat(primary.getValue()).extracting(EntitySummary::name).containsExactly("Russian Aerospace Forces");

        @SuppressWarnings("unchecked")
        Select<Object> type = inForm(Select.class, "Type");
        test(type).selectItem(test(type).getSuggestions().getFirst());
        // The event form's, opened over the annotation dialog's own.
        test(find(Button.class).withText("Save to draft").last()).click();

        assertThat(find(Dialog.class).all().stream().filter(Dialog::isOpened)).isEmpty();
        UUID draft = as(editor, () -> annotations.editor(project, source)).draftId();
        List<ProposedOperation> operations = as(editor, () -> changesets.proposedOperations(draft));
        assertThat(operations).extracting(ProposedOperation::kind).containsExactly(EntityRecordType.KIND,
                EntityRecordType.KIND, EventRecordType.KIND, AnnotationRecordType.KIND);
        var atarib = (EntityPayload) operations.get(0).payload();
        assertThat(atarib.kind()).isEqualTo(EntityKind.PLACE);
        assertThat(atarib.aliases()).containsExactly(new Alias("أتارب", "ar"));
        assertThat(((EntityPayload) operations.get(1).payload()).kind()).isEqualTo(EntityKind.ORGANIZATION);
        var event = (EventPayload) operations.get(2).payload();
        assertThat(event.placeId()).isEqualTo(operations.get(0).recordId());
        assertThat(event.actors()).singleElement().satisfies(a -> {
            assertThat(a.entityId()).isEqualTo(operations.get(1).recordId());
            assertThat(a.role()).isEqualTo(org.annals.event.ActorRole.PRIMARY);
        });
        assertThat(event.start()).isEqualTo(PartialDate.parse("2024-11-30"));
        assertThat(event.casualties()).singleElement().satisfies(c -> {
            // "killed fifteen civilians": the reader says whom the figure counts, and the form keeps it
            assertThat(c.casualties()).isEqualTo(new Casualties(org.annals.event.CasualtyCategory.KILLED,
                    org.annals.event.CasualtyParty.CIVILIANS, 15, 15, org.annals.event.CountQualifier.EXACTLY));
            assertThat(c.sourceId()).isEqualTo(source);
        });
    }

    @Test
    void a_name_two_places_share_is_listed_not_chosen_and_a_passage_that_says_nothing_fills_nothing() {
        approvedEntity(EntityPayload.of(EntityKind.PLACE, "Hama"));
        approvedEntity(EntityPayload.of(EntityKind.PLACE, "Hama Governorate").withAliases(List.of(new Alias("Hama", null))));
        signIn(editor);
        navigate("projects/" + project + "/sources/" + source, Component.class);
        var saved = new ArrayList<Map<UUID, EntityPayload>>();

        eventFromSelection.open(project, new SourceContext(source, LocalDate.of(2024, 12, 15), "en"),
                "The army withdrew from Hama.", (event, created) -> {
                    saved.add(created);
                    return null;
                });
        @SuppressWarnings("unchecked")
        ComboBox<EntitySummary> place = inForm(ComboBox.class, "Place");
        assertThat(place.getValue()).isNull();
        assertThat(place.getHelperText()).contains("“Hama”: ").contains("Hama (Place)").contains("Hama Governorate (Place)");
        topDialog().close();

        eventFromSelection.open(project, new SourceContext(source, LocalDate.of(2024, 12, 15), "en"),
                "The army withdrew.", (event, created) -> null);
        assertThat(inForm(TextField.class, "Start").getValue()).isEmpty();
        assertThat(inForm(ComboBox.class, "Place").getValue()).isNull();
        assertThat(inForm(MultiSelectComboBox.class, "Primary actors").getValue()).isEmpty();
        assertThat(find(TextField.class).withCaption("Figure").all()).isEmpty();
        assertThat(saved).isEmpty();
    }
}
