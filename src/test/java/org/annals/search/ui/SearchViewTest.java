package org.annals.search.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyPressEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.annals.base.ui.MainLayout;
import org.annals.project.ProjectRole;
import org.annals.review.RecordRef;
import org.annals.search.Audience;
import org.annals.search.KindCounts;
import org.annals.search.SearchDocument;
import org.annals.search.SearchEngine;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.SearchResults;
import org.annals.search.Snippet;
import org.annals.search.TestDocuments;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The results page and the shell's search box without a browser, on documents put straight into the index. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class SearchViewTest extends SignedInBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SearchEngine engine;

    private UUID project;
    private AnnalsPrincipal viewer;
    private AnnalsPrincipal editor;
    private final UUID source = UUID.randomUUID();

    @BeforeEach
    void aProjectWithAViewerAndAnEditor() {
        project = fixtures.newProject(fixtures.admin());
        viewer = fixtures.newUser("search-viewer");
        editor = fixtures.newUser("search-editor");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        signIn(viewer);
    }


    private SearchView open(String query) {
        // The test UI's navigate(String) takes no query: navigate as the page's own links do.
        UI.getCurrent().navigate(SearchView.path(project), com.vaadin.flow.router.QueryParameters.fromString(query));
        return find(SearchView.class).single();
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    /** The same page with the same parameters, in whatever order the router writes them. */
    private static void assertSameAddress(String actual, String expected) {
        var a = new com.vaadin.flow.router.Location(actual);
        var e = new com.vaadin.flow.router.Location(expected);
        assertThat(a.getPath()).isEqualTo(e.getPath());
        assertThat(a.getQueryParameters().getParameters()).isEqualTo(e.getQueryParameters().getParameters());
    }

    private List<SearchHitItem> hits() {
        return find(SearchHitItem.class).all();
    }

    private Button button(String text) {
        return find(Button.class).all().stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow(
                () -> new AssertionError("No button " + text + " among " + find(Button.class).all().stream()
                        .map(Button::getText).toList()));
    }

    private static Stream<Element> elements(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().filter(e -> !e.isTextNode())
                .flatMap(SearchViewTest::elements));
    }

    @Test
    void hits_are_grouped_by_kind_in_order_with_counts_as_toggles_and_each_kind_opens_its_page() {
        UUID annotation = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID entity = UUID.randomUUID();
        TestDocuments.put(engine,
                TestDocuments.comment(project, new RecordRef("EVENT", event), "Comment on the fall", "Zenobia again?"),
                TestDocuments.entity(project, entity, "Zenobia", "PERSON"),
                TestDocuments.event(project, event, "Zenobia takes Palmyra", "The queen Zenobia", LocalDate.of(272, 1, 1)),
                TestDocuments.annotation(project, annotation, source, "queen Zenobia", "ENTITY_MENTION", 40, 53),
                TestDocuments.source(project, source, "Palmyra chronicle", "Zenobia"),
                TestDocuments.passage(project, source, "Palmyra chronicle", "Reign › Revolt", "Zenobia rose in revolt.",
                        100, 123));
        SearchView view = open(q("zenobia"));
        // the hits come first, the counts with the browser's next round trip
        assertThat(find(Button.class).withClassName("search-kind").all()).isEmpty();
        assertThat(find(Paragraph.class).withClassName("search-summary").single().getText()).isEqualTo("6 results");
        view.loadCounts();

        assertThat(find(H3.class).all()).extracting(H3::getText)
                .containsExactly("Passages", "Sources", "Events", "Entities", "Annotations", "Comments");
        assertThat(find(Button.class).withClassName("search-kind").all()).extracting(Button::getText)
                .containsExactly("Passages 1", "Sources 1", "Events 1", "Entities 1", "Annotations 1", "Comments 1");
        assertThat(hits()).extracting(SearchHitItem::href).containsExactly(
                "projects/" + project + "/sources/" + source + "?at=100-123&q=zenobia",
                "projects/" + project + "/sources/" + source,
                "projects/" + project + "/events/" + event,
                "projects/" + project + "/entities/" + entity,
                "projects/" + project + "/sources/" + source + "?at=40-53&q=zenobia",
                "projects/" + project + "/events/" + event);
        assertThat(find(Span.class).withClassName("search-hit-where").all()).extracting(Span::getText)
                .contains("Reign › Revolt", "Person", "Entity mention");

        test(button("Events 1")).click();
        assertSameAddress(location(), "projects/" + project + "/search?q=zenobia&kind=event");
        // before the counts, the chosen kind is offered without a number
        assertThat(button("Events").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        find(SearchView.class).single().loadCounts();
        assertThat(hits()).extracting(SearchHitItem::href).containsExactly("projects/" + project + "/events/" + event);
        // The other kinds stay offered with their counts, and the chosen one is pressed.
        assertThat(button("Passages 1").getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(button("Events 1").getElement().getAttribute("aria-pressed")).isEqualTo("true");
        test(button("Passages 1")).click();
        assertSameAddress(location(), "projects/" + project + "/search?q=zenobia&kind=passage,event");
        find(SearchView.class).single().loadCounts();
        assertThat(hits()).hasSize(2);
    }

    @Test
    void pages_are_in_the_address_with_previous_and_next() {
        var documents = new SearchDocument[25];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = TestDocuments.passage(project, source, "Ledger", "Entries", "Entry " + i + " of the ledger"
                    + " of Tadmor.", i * 100, i * 100 + 30);
        }
        TestDocuments.put(engine, documents);
        SearchView view = open(q("tadmor"));
        assertThat(hits()).hasSize(20);
        // before counting, the page knows only that there is a next one
        assertThat(find(Paragraph.class).withClassName("search-summary").single().getText())
                .isEqualTo("Counting results…");
        assertThat(find(Span.class).all()).extracting(Span::getText).contains("Page 1").doesNotContain("Page 1 of 2");
        view.loadCounts();
        assertThat(find(Paragraph.class).withClassName("search-summary").single().getText()).isEqualTo("25 results");
        assertThat(find(Span.class).all()).extracting(Span::getText).contains("Page 1 of 2");
        Anchor next = find(Anchor.class).all().stream().filter(a -> a.getText().equals("Next")).findFirst().orElseThrow();
        assertSameAddress(next.getHref(), "projects/" + project + "/search?q=tadmor&page=2");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).doesNotContain("Previous");

        open(q("tadmor") + "&page=2");
        assertThat(hits()).hasSize(5);
        assertThat(find(Span.class).all()).extracting(Span::getText).contains("Page 2 of 2");
        assertThat(find(Anchor.class).all()).extracting(Anchor::getText).contains("Previous").doesNotContain("Next");
    }

    @Test
    void the_users_words_are_text_never_markup_and_matches_are_marked() {
        TestDocuments.put(engine, TestDocuments.passage(project, source, "<b>Bold</b> title", "<i>Section</i>",
                "Quarrel <script>alert('x')</script> and <b>bold</b> words.", 0, 50));
        open(q("quarrel"));
        SearchHitItem hit = hits().getFirst();
        Paragraph snippet = find(Paragraph.class).withClassName("search-hit-snippet").single();
        assertThat(snippet.getElement().getTextRecursively())
                .isEqualTo("Quarrel <script>alert('x')</script> and <b>bold</b> words.");
        assertThat(elements(hit.getElement()).map(Element::getTag)).doesNotContain("script", "b", "i");
        assertThat(elements(hit.getElement())).allSatisfy(e -> assertThat(e.getProperty("innerHTML")).isNull());
        assertThat(find(Anchor.class).withClassName("search-hit-title").single().getText()).isEqualTo("<b>Bold</b> title");

        // Marks as the engine gives them: the matched words in <mark>, the rest as plain text.
        Paragraph marked = SearchHitItem.snippet(new Snippet(List.of(new Snippet.Part("before ", false),
                new Snippet.Part("<b>found</b>", true), new Snippet.Part(" after", false))));
        assertThat(marked.getElement().getChildren().map(Element::getTag)).containsExactly("span", "mark", "span");
        assertThat(marked.getElement().getChild(1).getText()).isEqualTo("<b>found</b>");
        assertThat(marked.getElement().getChild(1).getChildCount()).isOne();
        assertThat(marked.getElement().getChild(1).getChild(0).isTextNode()).isTrue();
    }

    @Test
    void notices_say_how_the_query_was_read() {
        SearchView view = open(q("palmyra"));
        var hit = new SearchHit(TestDocuments.event(project, UUID.randomUUID(), "Palmira", "", LocalDate.of(272, 1, 1)),
                Snippet.plain("Palmira"), 1f);
        view.show(new SearchResults(1, true, new KindCounts(Map.of(SearchKind.EVENT, 1L), 1, false), List.of(hit), 0,
                20, true,
                List.of("The closing quote was missing: searched for the phrase palmyra.",
                        "Few exact matches: words spelled slightly differently are shown too.")));
        assertThat(find(Paragraph.class).withClassName("search-notice").all()).extracting(Paragraph::getText)
                .containsExactly("The closing quote was missing: searched for the phrase palmyra.",
                        "Few exact matches: words spelled slightly differently are shown too.");
    }

    @Test
    void bad_queries_and_addresses_are_explained_next_to_the_field_and_nothing_found_helps() {
        SearchView view = open(q("x".repeat(600)));
        assertThat(view.field.isInvalid()).isTrue();
        assertThat(view.field.getErrorMessage()).isEqualTo("Search for at most 500 characters.");
        assertThat(hits()).isEmpty();

        view = open(q("palmyra") + "&kind=battles");
        assertThat(view.field.getErrorMessage()).isEqualTo("There is no kind of result called 'battles'.");
        assertThat(view.field.getValue()).isEqualTo("palmyra");

        view = open(q("palmyra") + "&from=2024-02-30");
        assertThat(view.field.getErrorMessage()).contains("'from'").contains("2024-02-30");

        view = open(q("nothingmatchesthis") + "&kind=event");
        assertThat(view.field.isInvalid()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.H3.class).all()).extracting(H3::getText)
                .containsExactly("No results for “nothingmatchesthis”");
        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Check the spelling, use fewer words, or remove filters.");
        test(button("Remove filters")).click();
        assertSameAddress(location(), "projects/" + project + "/search?q=nothingmatchesthis");
    }

    @Test
    void proposals_show_to_editors_with_a_badge_and_drafts_to_their_author_only() {
        UUID proposed = UUID.randomUUID();
        UUID changeset = UUID.randomUUID();
        UUID drafted = UUID.randomUUID();
        TestDocuments.put(engine,
                TestDocuments.entity(project, UUID.randomUUID(), "Odaenathus", "PERSON"),
                TestDocuments.proposedEntity(project, proposed, "Odaenathus the younger", "PERSON", Audience.EDITORS,
                        viewer.userId(), changeset),
                TestDocuments.proposedEntity(project, drafted, "Odaenathus of Palmyra", "PERSON", Audience.OWNER,
                        editor.userId(), UUID.randomUUID()));
        open(q("odaenathus"));
        assertThat(hits()).hasSize(1);

        signIn(editor);
        open(q("odaenathus"));
        assertThat(hits()).hasSize(3);
        assertThat(find(Span.class).withClassName("pending-badge").all()).extracting(Span::getText)
                .containsExactlyInAnyOrder("Proposal", "Your draft");
        assertThat(hits()).extracting(SearchHitItem::href).contains(
                "projects/" + project + "/review?changeset=" + changeset,
                "projects/" + project + "/draft");
    }

    @Test
    void the_shell_box_opens_the_results_page_with_the_words_in_the_address() {
        navigate("projects/" + project, Component.class);
        ShellSearch box = find(ShellSearch.class).single();
        assertThat(box.isVisible()).isTrue();
        test(box.field).setValue("queen of Palmyra");
        ComponentUtil.fireEvent(box.field, new KeyPressEvent(box.field, Key.ENTER.getKeys().getFirst()));
        assertSameAddress(location(), "projects/" + project + "/search?q=queen%20of%20Palmyra");
        assertThat(find(SearchView.class).single().field.getValue()).isEqualTo("queen of Palmyra");

        navigate("", Component.class);
        MainLayout layout = find(MainLayout.class).single();
        assertThat(elements(layout.getElement()).flatMap(e -> e.getComponent().stream())
                .filter(ShellSearch.class::isInstance).toList()).singleElement()
                .satisfies(shell -> assertThat(shell.isVisible()).isFalse());
    }
}
