package org.annals.annotation.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.suggest.Suggestion;
import org.annals.suggest.SuggestionKind;
import org.annals.suggest.SuggestionService;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Accepting and rejecting suggestions in the editor without a browser, as the keys ask for it (the text
 * component's {@code annals-suggestion} event): what goes into the draft (the link, the event for a date),
 * the quick choice among entities of the same name, what disappears at once, what stays rejected.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class SuggestionDecisionsViewTest extends SignedInBrowserlessTest {

    static final String TEXT = "On 30 November 2024, rebel forces entered Aleppo and Hama from the north.";
    static final String SECOND = "By evening Aleppo was theirs; Hama held out.";

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    AnnotationService annotations;
    @Autowired
    SuggestionService suggestions;
    @Autowired
    SourceService sources;

    private UUID project;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal reviewer;
    private UUID aleppo;
    private UUID hamaCity;
    private UUID hamaProvince;
    private UUID source;

    @BeforeEach
    void aSourceNamingAPlaceAndTwoOfTheSameName() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("decide-editor");
        reviewer = fixtures.newUser("decide-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        aleppo = vetted(EntityPayload.of(EntityKind.PLACE, "Aleppo"));
        hamaProvince = vetted(new EntityPayload(EntityKind.PLACE, "Hama", List.of(), "Governorate of western Syria",
                null, null, null, null, null, null));
        hamaCity = vetted(new EntityPayload(EntityKind.PLACE, "Hama", List.of(), "City on the Orontes", null, null, null,
                null, hamaProvince, null));
        source = fixtures.newSource(project, editor, "Aleppo and Hama", java.time.LocalDate.of(2024, 12, 1), TEXT, SECOND);
        signIn(editor);
        openEditor();
    }

    private UUID vetted(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private List<Suggestion> offered() {
        return suggestions.forSource(project, source).suggestions();
    }

    private Suggestion first(SuggestionKind kind, String words) {
        return offered().stream().filter(s -> s.kind() == kind && s.text().equals(words)).findFirst().orElseThrow();
    }

    /** What the keys send: the text component's event for this suggestion. */
    private void press(Suggestion s, String action) {
        var text = find(AnnotatedText.class).single();
        ComponentUtil.fireEvent(text, new AnnotatedText.GhostEvent(text, true, s.key(), action));
        roundTrip();
    }

    private String count(SuggestionKind kind) {
        return find(Span.class).all().stream().filter(s -> s.hasClassName("suggestion-count")
                && kind.name().equals(s.getElement().getAttribute("data-kind"))).findFirst().orElseThrow().getText();
    }

    private String removedGhosts() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(i -> i.getExpression().contains("removeSuggestions"))
                .map(i -> String.valueOf(i.getParameters().getLast())).reduce("", String::concat);
    }

    private List<EditorAnnotation> drafted() {
        return annotations.editor(project, source).annotations().stream()
                .filter(a -> a.state() == EditorAnnotation.State.DRAFT).toList();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(SuggestionDecisionsViewTest::descendants));
    }

    @Test
    void accepting_a_name_of_one_entity_drafts_a_linked_mention_and_the_ghost_goes_at_once() {
        Suggestion first = first(SuggestionKind.MENTION, "Aleppo");
        assertThat(count(SuggestionKind.MENTION)).isEqualTo("Registry name 4");
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();

        press(first, "accept");

        assertThat(removedGhosts()).isEqualTo("[\"" + first.key() + "\"]");
        assertThat(count(SuggestionKind.MENTION)).isEqualTo("Registry name 3");
        assertThat(drafted()).singleElement().satisfies(a -> {
            assertThat(a.start()).isEqualTo(first.start());
            assertThat(a.type()).isEqualTo(AnnotationType.ENTITY_MENTION);
            assertThat(a.linkKind()).isEqualTo(EntityRecordType.KIND);
            assertThat(a.linkId()).isEqualTo(aleppo);
        });
        assertThat(find(Span.class).all()).anyMatch(s -> s.hasClassName("draft-count")
                && s.getText().startsWith("Your draft: 1 annotation in this source"));
        assertThat(offered()).noneMatch(s -> s.key().equals(first.key()));
    }

    @Test
    void a_name_of_two_entities_asks_which_showing_their_descriptions_and_part_of() {
        Suggestion hama = first(SuggestionKind.MENTION, "Hama");
        assertThat(((Suggestion.Mention) hama.value()).candidates()).hasSize(2);

        press(hama, "accept");
        CandidateChooser chooser = find(CandidateChooser.class).single();
        List<String> rows = descendants(chooser).filter(Span.class::isInstance).map(c -> ((Span) c).getText()).toList();
        assertThat(rows).contains("Governorate of western Syria", "City on the Orontes · part of Hama");
        assertThat(drafted()).isEmpty();

        Button city = descendants(chooser).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.getText().startsWith("2 · ") || b.getText().startsWith("1 · "))
                .filter(b -> descendants(b.getParent().orElseThrow()).anyMatch(c -> c instanceof Span span
                        && span.getText().startsWith("City on the Orontes")))
                .findFirst().orElseThrow();
        ComponentUtil.fireEvent(city, new ClickEvent<>(city));
        roundTrip();

        assertThat(drafted()).singleElement().extracting(EditorAnnotation::linkId).isEqualTo(hamaCity);
        assertThat(offered()).noneMatch(s -> s.key().equals(hama.key()));
    }

    @Test
    void a_date_goes_to_the_event_last_linked_to_and_unlinked_without_one() {
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles), "Add", true));
        as(reviewer, () -> review.approve(event.changesetId(), null));
        Suggestion date = first(SuggestionKind.DATE, "30 November 2024");

        // Without an event linked on this page: unlinked.
        var unlinked = new EditorSuggestions(suggestions, project, source, find(AnnotatedText.class).single(),
                find(SuggestionPanel.class).single(), () -> null, () -> { });
        unlinked.load();
        unlinked.handle(date.key(), "accept");
        assertThat(drafted()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AnnotationType.DATE);
            assertThat(a.linkId()).isNull();
        });
        annotations.delete(project, source, drafted().getFirst().id());

        // With one: linked to it.
        var linked = new EditorSuggestions(suggestions, project, source, find(AnnotatedText.class).single(),
                find(SuggestionPanel.class).single(), event::eventId, () -> { });
        linked.load();
        linked.handle(date.key(), "accept");
        assertThat(drafted()).singleElement().satisfies(a -> {
            assertThat(a.linkKind()).isEqualTo(EventRecordType.KIND);
            assertThat(a.linkId()).isEqualTo(event.eventId());
        });
    }

    @Test
    void rejected_stays_gone_after_reading_again_and_never_here_takes_the_name_out_of_the_project() {
        Suggestion firstAleppo = first(SuggestionKind.MENTION, "Aleppo");
        press(firstAleppo, "reject");
        assertThat(count(SuggestionKind.MENTION)).isEqualTo("Registry name 3");
        openEditor();
        assertThat(count(SuggestionKind.MENTION)).isEqualTo("Registry name 3");
        assertThat(offered()).noneMatch(s -> s.key().equals(firstAleppo.key()));
        assertThat(drafted()).isEmpty();

        press(first(SuggestionKind.MENTION, "Aleppo"), "never");
        assertThat(offered()).noneMatch(s -> s.text().equals("Aleppo"));
        assertThat(count(SuggestionKind.MENTION)).isEqualTo("Registry name 2");
    }

    @Test
    void accept_all_drafts_every_name_of_the_entity_in_this_source_at_once() {
        press(first(SuggestionKind.MENTION, "Aleppo"), "accept-all");
        assertThat(drafted()).hasSize(2).allMatch(a -> aleppo.equals(a.linkId()));
        assertThat(offered()).noneMatch(s -> s.text().equals("Aleppo"));
        assertThat(count(SuggestionKind.MENTION)).isEqualTo("Registry name 2");
    }

    /** Opens the source's editor as the browser would: the page, then the text drawn (which brings the suggestions). */
    private void openEditor() {
        navigate(ProjectRoutes.sourcePath(project, source), Component.class);
        AnnotatedText text = find(AnnotatedText.class).single();
        com.vaadin.flow.component.ComponentUtil.fireEvent(text, new AnnotatedText.DrawnEvent(text, true));
    }
}
