package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Suggestions over real HTTP: read, accept into the draft, reject, and the unmarked mentions of an entity. */
@ApiTest
class SuggestionsOverApiTest {

    static final String REPORT = "Fighters entered Aleppo on 30 November 2024. Aleppo was quiet by evening.";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;

    private ApiClient api;
    private UUID project;
    private UUID source;
    private UUID aleppo;
    private String editorToken;
    private String viewerToken;

    @BeforeEach
    void projectWithANameInASource() {
        api = new ApiClient(port);
        AnnalsPrincipal editor = fixtures.newUser("editor");
        AnnalsPrincipal reviewer = fixtures.newUser("reviewer");
        AnnalsPrincipal viewer = fixtures.newUser("viewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        var place = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Aleppo"),
                "Add Aleppo", true));
        Fixtures.as(reviewer, () -> review.approve(place.changesetId(), null));
        aleppo = place.entityId();
        source = fixtures.newSource(project, editor, "Offensive report", REPORT);
        editorToken = Fixtures.as(editor, () -> tokens.create("test", null, TokenScope.WRITE,
                LocalDate.now().plusDays(1))).secret();
        viewerToken = Fixtures.as(viewer, () -> tokens.create("test", null, TokenScope.WRITE,
                LocalDate.now().plusDays(1))).secret();
    }

    private String base() {
        return "/api/v1/projects/" + project;
    }

    private JsonNode suggestions() {
        var response = api.get(base() + "/sources/" + source + "/suggestions", editorToken);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> mentions(JsonNode found) {
        return found.path("suggestions").path("items").valueStream()
                .filter(s -> s.path("kind").asString().equals("MENTION")).toList();
    }

    @Test
    void an_editor_reads_accepts_and_rejects_suggestions() {
        JsonNode found = suggestions();
        assertThat(found.path("counts").path("MENTION").asInt()).isEqualTo(2);
        List<JsonNode> names = mentions(found);
        assertThat(names).hasSize(2).allSatisfy(s -> {
            assertThat(s.path("text").asString()).isEqualTo("Aleppo");
            assertThat(s.path("candidates")).singleElement()
                    .satisfies(c -> assertThat(c.path("id").asString()).isEqualTo(aleppo.toString()));
            assertThat(s.path("key").asString()).startsWith("MENTION:");
        });
        assertThat(found.path("suggestions").path("items").valueStream()
                .filter(s -> s.path("kind").asString().equals("DATE")))
                .as("the date, with its value").anySatisfy(s -> assertThat(s.path("date").isNull()).isFalse());
        var onlyDates = api.get(base() + "/sources/" + source + "/suggestions?kind=DATE", editorToken).json();
        assertThat(onlyDates.path("suggestions").path("items").valueStream()
                .map(s -> s.path("kind").asString())).containsOnly("DATE");

        String first = names.getFirst().path("key").asString();
        var accepted = api.post(base() + "/draft/suggestions/accept", editorToken,
                Map.of("sourceId", source.toString(), "key", first));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().path("linkId").asString()).isEqualTo(aleppo.toString());
        assertThat(api.get(base() + "/draft", editorToken).json().path("items").path("total").asInt()).isEqualTo(1);
        assertThat(mentions(suggestions())).extracting(s -> s.path("key").asString()).doesNotContain(first);
        assertThat(api.post(base() + "/draft/suggestions/accept", editorToken,
                Map.of("sourceId", source.toString(), "key", first)).problem(400)).contains("Reload");
        assertThat(api.post(base() + "/draft/suggestions/accept", editorToken,
                Map.of("sourceId", source.toString())).problem(400)).contains("key");

        String second = names.get(1).path("key").asString();
        var rejected = api.post(base() + "/draft/suggestions/reject", editorToken,
                Map.of("sourceId", source.toString(), "key", second));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(suggestions().path("counts").path("MENTION").isMissingNode()).as("no names left").isTrue();

        // The rejected name is still an unmarked mention of the entity, to propose from its page.
        var unmarked = api.get(base() + "/entities/" + aleppo + "/unmarked-mentions?limit=10", editorToken).json();
        assertThat(unmarked.path("items")).singleElement().satisfies(m -> {
            assertThat(m.path("text").asString()).isEqualTo("Aleppo");
            assertThat(m.path("before").asString()).endsWith("2024. ");
        });
        var proposed = api.post(base() + "/draft/suggestions/mentions", editorToken,
                Map.of("entityId", aleppo.toString(), "mentions", unmarked.path("items")));
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(200);
        assertThat(proposed.json().path("marked")).hasSize(1);
        assertThat(api.get(base() + "/draft", editorToken).json().path("items").path("total").asInt()).isEqualTo(2);
        assertThat(api.get(base() + "/entities/" + aleppo + "/unmarked-mentions?limit=0", editorToken).problem(400))
                .contains("limit");
    }

    @Test
    void viewers_get_no_suggestions_and_only_managers_allow_a_refused_name_again() {
        assertThat(api.get(base() + "/sources/" + source + "/suggestions", viewerToken).problem(403)).isNotBlank();
        String key = mentions(suggestions()).getFirst().path("key").asString();
        assertThat(api.post(base() + "/draft/suggestions/reject", viewerToken,
                Map.of("sourceId", source.toString(), "key", key, "neverHere", true)).problem(403)).isNotBlank();

        var refused = api.post(base() + "/draft/suggestions/reject", editorToken,
                Map.of("sourceId", source.toString(), "key", key, "neverHere", true));
        assertThat(refused.json().path("neverHere").asBoolean()).isTrue();
        assertThat(mentions(suggestions())).as("the name is refused everywhere").isEmpty();
        JsonNode list = api.get(base() + "/suggestions/never-here", editorToken).json().path("items");
        assertThat(list).singleElement().satisfies(n -> assertThat(n.path("words").asString()).isEqualTo("Aleppo"));
        String alias = list.get(0).path("foldedAlias").asString();
        assertThat(api.send("DELETE", base() + "/suggestions/never-here?alias=" + alias, ApiClient.bearer(editorToken),
                null).problem(403)).isNotBlank();
    }
}
