package org.annals.annotation.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkCandidate;
import org.annals.annotation.LinkChoice;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.ui.DuplicateWarning;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.TextMatch;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The annotation dialog's search, same words elsewhere and duplicate warning, without a browser. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class LinkDialogSearchViewTest extends SignedInBrowserlessTest {

    static final String SENTENCE = "On 30 November 2024, rebel forces captured the Citadel of Aleppo.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    AnnotationService annotations;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;

    private UUID project;
    private AnnalsPrincipal editor;
    private UUID aleppo;
    private UUID citadel;
    private UUID first;

    @BeforeEach
    void projectWithTwoSourcesAPlaceAndAnEvent() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("dialog-editor");
        var reviewer = fixtures.newUser("dialog-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var place = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Aleppo"), "Add",
                true));
        as(reviewer, () -> review.approve(place.changesetId(), null));
        aleppo = place.entityId();
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(editor, () -> events.proposeCreate(project, new EventPayload("Rebels take the citadel",
                PartialDate.parse("2024-11-30"), null, battles, null, aleppo, List.of(), List.of(), null, List.of(), null,
                null), "Add", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        citadel = event.eventId();
        first = fixtures.newSource(project, editor, "First", SENTENCE);
        fixtures.newSource(project, editor, "Second", "Before.", SENTENCE.replace("2024,", "2024 [4],"));
        signIn(editor);
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(LinkDialogSearchViewTest::descendants));
    }

    private static <T extends Component> T only(Component root, Class<T> type) {
        return descendants(root).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** Fires the button's click on the server, as the browser's click would; the dialog's overlay is not attached here. */
    private static void press(Button button) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(button, new com.vaadin.flow.component.ClickEvent<>(button));
    }

    private LinkDialog dialog(AtomicReference<LinkDialog.Choice> saved) {
        var dialog = new LinkDialog(project, annotations, taxonomy.taxonomy(project), SENTENCE,
                AnnotationType.EVENT_MENTION, null, choice -> {
                    saved.set(choice);
                    return null;
                });
        dialog.forPassageIn(first, annotations.sameWords(project, first, 0, SENTENCE.length()));
        dialog.open(Map.of());
        return dialog;
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void the_record_search_reads_places_and_days_in_the_passage_year_and_offers_the_event() {
        var dialog = dialog(new AtomicReference<>());
        ComboBox<LinkCandidate> record = only(dialog, ComboBox.class);
        DataProvider provider = record.getDataProvider();
        List<LinkCandidate> found = (List<LinkCandidate>) provider.fetch(new Query<>(0, 20, List.of(), null,
                "Aleppo 30 Nov")).toList();
        assertThat(found).extracting(LinkCandidate::id).containsExactly(citadel);
        assertThat((List<LinkCandidate>) provider.fetch(new Query<>(0, 20, List.of(), null, "Aleppo 1 Dec")).toList())
                .isEmpty();
    }

    @Test
    void same_words_elsewhere_are_offered_ticked_and_only_the_ticked_ones_are_saved() {
        var saved = new AtomicReference<LinkDialog.Choice>();
        var dialog = dialog(saved);
        SameWordsList list = only(dialog, SameWordsList.class);
        assertThat(list.isVisible()).isTrue();
        List<TextMatch> offered = list.offered();
        assertThat(offered).singleElement().satisfies(m -> {
            assertThat(m.sourceTitle()).isEqualTo("Second");
            assertThat(SameWordsList.label(m)).startsWith("Second: ").contains("«On 30 November 2024 [4],");
        });
        assertThat(list.chosen()).containsExactlyElementsOf(offered);

        @SuppressWarnings("unchecked")
        ComboBox<LinkCandidate> record = only(dialog, ComboBox.class);
        record.setValue(new LinkCandidate("EVENT", citadel, "Rebels take the citadel", false, false));
        Button save = dialog.getFooter().getElement().getChildren().map(e -> e.getComponent().orElseThrow())
                .filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> "Save to draft".equals(b.getText())).findFirst().orElseThrow();
        press(save);
        assertThat(saved.get().sameWords()).containsExactlyElementsOf(offered);
        assertThat(saved.get().link()).isEqualTo(new LinkChoice.Existing("EVENT", citadel));

        dialog.open(Map.of()); // saving closed it
        offered.forEach(m -> list.tick(m, false));
        press(save);
        assertThat(saved.get().sameWords()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_new_entity_named_like_a_vetted_one_shows_a_possible_duplicate_warning_without_blocking() {
        var dialog = new LinkDialog(project, annotations, taxonomy.taxonomy(project), "ALEPPO",
                AnnotationType.ENTITY_MENTION, null, choice -> null);
        dialog.open(Map.of());
        RadioButtonGroup<String> linkTo = only(dialog, RadioButtonGroup.class);
        linkTo.setValue(LinkDialog.NEW_ENTITY);
        DuplicateWarning warning = only(dialog, DuplicateWarning.class);
        Select<EntityKind> kind = descendants(dialog).filter(Select.class::isInstance).map(Select.class::cast)
                .filter(s -> "Kind".equals(s.getLabel())).findFirst().orElseThrow();
        kind.setValue(EntityKind.PLACE);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getElement().getTextRecursively()).contains("Possible duplicate of Aleppo");
        kind.setValue(EntityKind.PERSON);
        assertThat(warning.isVisible()).isFalse();
        only(dialog, TextField.class).setValue("Idlib");
        kind.setValue(EntityKind.PLACE);
        assertThat(warning.isVisible()).isFalse();
    }
}
