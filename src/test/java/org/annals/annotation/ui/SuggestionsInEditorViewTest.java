package org.annals.annotation.ui;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.annals.annotation.AnnotationRecordType;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.collab.CollabEvent;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.RecordRef;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.suggest.SuggestionService;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Suggestions in the editor without a browser: what is sent to the text component as ghost marks (kinds,
 * spans, labels), the counts in the side panel, suggestions leaving when their words are annotated, and
 * the registry changing (an approved entity) bringing new ones when they are read again. Accepting and
 * rejecting are in {@link SuggestionDecisionsViewTest}.
 */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class SuggestionsInEditorViewTest extends SignedInBrowserlessTest {

    static final String TEXT = "On 30 November 2024, rebel forces entered Aleppo from the west.";
    static final String SECOND = "Twelve people were killed in Aleppo and Idlib that day.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
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
    private UUID source;
    private String text;

    @BeforeEach
    void aSourceNamingAVettedPlace() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("suggest-editor");
        reviewer = fixtures.newUser("suggest-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        aleppo = vettedPlace("Aleppo");
        source = fixtures.newSource(project, editor, "Aleppo", java.time.LocalDate.of(2024, 12, 1), TEXT, SECOND);
        text = as(editor, () -> sources.read(project, source).text());
        signIn(editor);
    }

    private UUID vettedPlace(String name) {
        var place = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, name), "Add", true));
        as(reviewer, () -> review.approve(place.changesetId(), null));
        return place.entityId();
    }


    /** The calls made on the text component since the last look: function name and its last argument. */
    private List<Map.Entry<String, String>> calls() {
        roundTrip();
        var found = new ArrayList<Map.Entry<String, String>>();
        for (PendingJavaScriptInvocation call : UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations()) {
            var invocation = call.getInvocation();
            for (String name : List.of("setSuggestions", "removeSuggestions", "focusSuggestion")) {
                if (invocation.getExpression().contains(name)) {
                    found.add(Map.entry(name, String.valueOf(invocation.getParameters().getLast())));
                }
            }
        }
        return found;
    }

    private JsonNode lastGhosts(List<Map.Entry<String, String>> calls) {
        return calls.stream().filter(c -> c.getKey().equals("setSuggestions")).map(c -> JSON.readTree(c.getValue()))
                .reduce((a, b) -> b).orElse(null);
    }

    private List<String> quotes(JsonNode ghosts) {
        return StreamSupport.stream(ghosts.get("items").spliterator(), false)
                .map(g -> g.get("k").asString() + " " + text.substring(g.get("s").asInt(), g.get("e").asInt())).toList();
    }

    private String count(String kind) {
        return find(Span.class).all().stream().filter(s -> s.hasClassName("suggestion-count")
                && kind.equals(s.getElement().getAttribute("data-kind"))).findFirst().orElseThrow().getText();
    }

    @Test
    void an_editor_sees_every_suggestion_as_a_ghost_mark_of_its_kind_with_counts_per_kind() {
        openEditor();
        JsonNode ghosts = lastGhosts(calls());

        assertThat(ghosts.get("kinds")).extracting(k -> k.get("id").asString() + "/" + k.get("css").asString())
                .containsExactly("MENTION/mention", "DATE/date", "FIGURE/figure", "NEW_NAME/new-name");
        assertThat(quotes(ghosts)).contains("MENTION Aleppo", "DATE 30 November 2024").doesNotContain("MENTION Idlib");
        assertThat(quotes(ghosts).stream().filter(q -> q.equals("MENTION Aleppo"))).hasSize(2);
        JsonNode mention = StreamSupport.stream(ghosts.get("items").spliterator(), false)
                .filter(g -> g.get("k").asString().equals("MENTION")).findFirst().orElseThrow();
        assertThat(mention.get("l").asString()).isEqualTo("Registry name: Aleppo (place)");
        assertThat(mention.get("id").asString()).isEqualTo("MENTION:" + mention.get("s").asInt() + ":" + mention.get("e").asInt());
        assertThat(count("MENTION")).isEqualTo("Registry name 2");
        // The panel counts what the text shows, kind by kind.
        long dates = quotes(ghosts).stream().filter(q -> q.startsWith("DATE ")).count();
        assertThat(count("DATE")).isEqualTo("Date " + dates);
    }

    @Test
    void a_viewer_gets_no_suggestions() {
        var viewer = fixtures.newUser("suggest-viewer");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        signIn(viewer);
        openEditor();
        assertThat(lastGhosts(calls())).isNull();
        assertThat(find(SuggestionPanel.class).all()).isEmpty();
    }

    @Test
    void suggestions_on_words_that_get_annotated_go_at_once_and_the_counts_follow() {
        openEditor();
        calls();
        var editorSuggestions = new EditorSuggestions(suggestions, project, source, find(AnnotatedText.class).single(),
                find(SuggestionPanel.class).single(), () -> null, () -> { });
        editorSuggestions.load();
        calls();
        int start = text.indexOf("Aleppo");
        as(editor, () -> annotations.annotate(project, source, start, start + 6, "Aleppo", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, aleppo)));
        editorSuggestions.annotationsShown(as(editor, () -> annotations.editor(project, source)).annotations());

        var removed = calls().stream().filter(c -> c.getKey().equals("removeSuggestions")).toList();
        assertThat(removed).singleElement().extracting(Map.Entry::getValue)
                .isEqualTo("[\"MENTION:" + start + ":" + (start + 6) + "\"]");
        assertThat(count("MENTION")).isEqualTo("Registry name 1");
        assertThat(editorSuggestions.shown()).noneMatch(s -> s.start() == start);
    }

    @Test
    void an_approved_entity_is_news_for_open_editors_and_reading_again_brings_its_names() {
        openEditor();
        calls();
        UUID idlib = vettedPlace("Idlib");

        // What the page listens for on the collab bus: an approval naming an entity; not one of annotations alone.
        var approval = new CollabEvent(project, CollabEvent.Kind.APPROVED, UUID.randomUUID(),
                Set.of(new RecordRef(EntityRecordType.KIND, idlib)), Set.of(), reviewer.userId(), false);
        var annotationsOnly = new CollabEvent(project, CollabEvent.Kind.APPROVED, UUID.randomUUID(),
                Set.of(new RecordRef(AnnotationRecordType.KIND, UUID.randomUUID())), Set.of(source), reviewer.userId(), false);
        var lost = new CollabEvent(project, CollabEvent.Kind.RESYNC, null, Set.of(), Set.of(), null, true);
        var presence = new CollabEvent(project, CollabEvent.Kind.PRESENCE, null, Set.of(), Set.of(source), reviewer.userId(), false);
        assertThat(ReaderView.changesRegistry(approval)).isTrue();
        assertThat(ReaderView.changesRegistry(lost)).isTrue();
        var refused = new CollabEvent(project, CollabEvent.Kind.SUGGESTIONS_CHANGED, null, Set.of(), Set.of(),
                editor.userId(), false);
        assertThat(ReaderView.changesRegistry(refused)).isTrue();
        assertThat(ReaderView.changesRegistry(annotationsOnly)).isFalse();
        assertThat(ReaderView.changesRegistry(presence)).isFalse();

        var editorSuggestions = new EditorSuggestions(suggestions, project, source, find(AnnotatedText.class).single(),
                find(SuggestionPanel.class).single(), () -> null, () -> { });
        editorSuggestions.load();
        assertThat(quotes(lastGhosts(calls()))).contains("MENTION Idlib", "MENTION Aleppo");
        assertThat(count("MENTION")).isEqualTo("Registry name 3");
        // Nothing changed since: reading again sends nothing.
        editorSuggestions.load();
        assertThat(lastGhosts(calls())).isNull();
    }

    /** Opens the source's editor as the browser would: the page, then the text drawn (which brings the suggestions). */
    private void openEditor() {
        navigate(ProjectRoutes.sourcePath(project, source), Component.class);
        AnnotatedText text = find(AnnotatedText.class).single();
        com.vaadin.flow.component.ComponentUtil.fireEvent(text, new AnnotatedText.DrawnEvent(text, true));
    }
}
