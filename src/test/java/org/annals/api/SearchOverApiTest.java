package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.search.Audience;
import org.annals.search.SearchDocument;
import org.annals.search.SearchEngine;
import org.annals.search.TestDocuments;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Search over real HTTP: who sees what, paging, and bad input as problem JSON. Documents go straight into the index. */
@ApiTest
class SearchOverApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    SearchEngine engine;

    private ApiClient api;
    private UUID project;
    private UUID source;
    private UUID event;
    private AnnalsPrincipal viewer;
    private AnnalsPrincipal editor;
    private AnnalsPrincipal author;
    private String base;

    @BeforeEach
    void aProjectWithVettedProposedAndDraftedDocuments() {
        api = new ApiClient(port);
        project = fixtures.newProject(fixtures.admin());
        viewer = fixtures.newUser("search-api-viewer");
        editor = fixtures.newUser("search-api-editor");
        author = fixtures.newUser("search-api-author");
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, author, ProjectRole.EDITOR);
        source = UUID.randomUUID();
        event = UUID.randomUUID();
        TestDocuments.put(engine,
                TestDocuments.passage(project, source, "Siege report", "Days › Third", "The siege of Maarat began.",
                        120, 146),
                TestDocuments.event(project, event, "Siege of Maarat", "Maarat was surrounded", LocalDate.of(2019, 5, 3)),
                TestDocuments.proposedEntity(project, UUID.randomUUID(), "Maarat al-Numan", "PLACE", Audience.EDITORS,
                        author.userId(), UUID.randomUUID()),
                TestDocuments.proposedEntity(project, UUID.randomUUID(), "Maarat Misrin", "PLACE", Audience.OWNER,
                        author.userId(), UUID.randomUUID()));
        base = "/api/v1/projects/" + project + "/search";
    }

    private String token(AnnalsPrincipal user, @org.jspecify.annotations.Nullable UUID onlyProject) {
        return Fixtures.as(user, () -> tokens.create("search", onlyProject, TokenScope.READ,
                LocalDate.now().plusDays(1))).secret();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> titles(JsonNode page) {
        var titles = new ArrayList<String>();
        page.path("items").forEach(hit -> titles.add(hit.path("title").asString()));
        return titles;
    }

    @Test
    void each_person_sees_what_the_pages_show_them_and_outsiders_see_nothing() {
        JsonNode seenByViewer = api.get(base + "?q=maarat", token(viewer, null)).json();
        assertThat(titles(seenByViewer)).containsExactlyInAnyOrder("Siege report", "Siege of Maarat");
        assertThat(seenByViewer.path("total").asLong()).isEqualTo(2);
        assertThat(seenByViewer.path("perKind").path("ENTITY").isMissingNode()).isTrue();

        assertThat(titles(api.get(base + "?q=maarat", token(editor, project)).json()))
                .containsExactlyInAnyOrder("Siege report", "Siege of Maarat", "Maarat al-Numan");
        assertThat(titles(api.get(base + "?q=maarat", token(author, null)).json()))
                .containsExactlyInAnyOrder("Siege report", "Siege of Maarat", "Maarat al-Numan", "Maarat Misrin");

        AnnalsPrincipal outsider = fixtures.newUser("search-api-outsider");
        assertThat(api.get(base + "?q=maarat", token(outsider, null)).problem(404)).isNotBlank();
        UUID elsewhere = fixtures.newProject(fixtures.admin());
        fixtures.addMember(elsewhere, editor, ProjectRole.EDITOR);
        assertThat(api.get(base + "?q=maarat", token(editor, elsewhere)).problem(404)).isNotBlank();
        assertThat(api.get(base + "?q=maarat", null).problem(401)).isNotBlank();
    }

    @Test
    void a_hit_says_what_it_is_where_it_is_and_its_words_in_context() {
        JsonNode page = api.get(base + "?q=siege&kind=passage", token(viewer, null)).json();
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        assertThat(page.path("perKind").path("PASSAGE").asLong()).isEqualTo(1);
        assertThat(page.path("perKind").path("EVENT").asLong()).isEqualTo(1);
        JsonNode hit = page.path("items").get(0);
        assertThat(page.path("items")).hasSize(1);
        assertThat(hit.path("kind").asString()).isEqualTo("PASSAGE");
        assertThat(hit.path("audience").asString()).isEqualTo("MEMBERS");
        assertThat(hit.path("recordKind").asString()).isEqualTo("SOURCE");
        assertThat(hit.path("recordId").asString()).isEqualTo(source.toString());
        assertThat(hit.path("sourceId").asString()).isEqualTo(source.toString());
        assertThat(hit.path("section").asString()).isEqualTo("Days › Third");
        assertThat(hit.path("start").asInt()).isEqualTo(120);
        assertThat(hit.path("end").asInt()).isEqualTo(146);
        assertThat(hit.path("updated").asString()).isNotBlank();
        // A number (JSON has no NaN) or null.
        assertThat(hit.path("score").isNumber() || hit.path("score").isNull()).as("score %s", hit.path("score")).isTrue();
        var snippet = new StringBuilder();
        hit.path("snippet").forEach(part -> {
            assertThat(part.has("match")).isTrue();
            snippet.append(part.path("text").asString());
        });
        assertThat(snippet.toString()).contains("siege of Maarat");

        JsonNode events = api.get(base + "?q=siege&kind=event&from=2019-05-01&to=2019-05-31", token(viewer, null)).json();
        assertThat(titles(events)).containsExactly("Siege of Maarat");
        assertThat(events.path("items").get(0).path("recordId").asString()).isEqualTo(event.toString());
        assertThat(titles(api.get(base + "?q=siege&kind=event&from=2020-01-01", token(viewer, null)).json())).isEmpty();
    }

    @Test
    void results_come_in_pages() {
        var documents = new SearchDocument[7];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = TestDocuments.passage(project, source, "Ledger " + i, "Entries", "Entry of Kafranbel " + i,
                    i * 10, i * 10 + 8);
        }
        TestDocuments.put(engine, documents);
        String token = token(viewer, null);
        JsonNode first = api.get(base + "?q=kafranbel&size=5", token).json();
        JsonNode second = api.get(base + "?q=kafranbel&size=5&page=1", token).json();
        assertThat(first.path("total").asLong()).isEqualTo(7);
        assertThat(titles(first)).hasSize(5);
        assertThat(titles(second)).hasSize(2).doesNotContainAnyElementsOf(titles(first));
        assertThat(api.get(base + "?q=kafranbel&size=101", token).problem(400)).contains("'size'");
        assertThat(api.get(base + "?q=kafranbel&page=-1", token).problem(400)).contains("'page'");
        assertThat(api.get(base + "?q=kafranbel&page=50", token).problem(400)).contains("'page'");
    }

    @Test
    void bad_input_gets_problem_json_with_a_message() {
        String token = token(viewer, null);
        assertThat(api.get(base + "?q=" + "a".repeat(10_000), token).problem(400)).contains("500 characters");
        assertThat(api.get(base + "?q=siege&kind=battle", token).problem(400)).contains("'kind'").contains("battle");
        assertThat(api.get(base + "?q=siege&from=2024-02-30", token).problem(400)).contains("'from'");
        assertThat(api.get(base + "?q=siege&from=2024-03-01&to=2024-02-01", token).problem(400)).contains("after");
        assertThat(api.get(base + "?q=" + q("\"unbalanced *"), token).status()).isIn(200, 400);
    }
}
