package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
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

/** The link search, same words elsewhere and the duplicate warning over real HTTP. */
@ApiTest
class LinkSearchOverApiTest {

    static final String SENTENCE = "On 5 December 2024, opposition forces entered the city of Hama after the army withdrew.";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;

    private ApiClient api;
    private UUID project;
    private AnnalsPrincipal editor;
    private String token;
    private UUID hama;

    @BeforeEach
    void projectWithAPlaceAndAnEvent() {
        api = new ApiClient(port);
        editor = fixtures.newUser("editor");
        AnnalsPrincipal reviewer = fixtures.newUser("reviewer");
        project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var place = Fixtures.as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Hama"),
                "Add Hama", true));
        Fixtures.as(reviewer, () -> review.approve(place.changesetId(), null));
        hama = place.entityId();
        UUID battles = Fixtures.as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var event = Fixtures.as(editor, () -> events.proposeCreate(project, new EventPayload("Opposition takes the city",
                PartialDate.parse("2024-12-05"), null, battles, null, hama, List.of(), List.of(), null, List.of(), null,
                null), "Add the event", true));
        Fixtures.as(reviewer, () -> review.approve(event.changesetId(), null));
        token = Fixtures.as(editor, () -> tokens.create("test", null, TokenScope.WRITE, LocalDate.now().plusDays(1)))
                .secret();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void events_are_searched_by_place_and_a_day_named_without_a_year() {
        String base = "/api/v1/projects/" + project + "/events/search";
        JsonNode found = api.get(base + "?q=" + q("HAMA 5 Dec") + "&year=2024", token).json().path("items");
        assertThat(found).singleElement().satisfies(e -> assertThat(e.path("title").asString())
                .isEqualTo("Opposition takes the city"));
        assertThat(api.get(base + "?q=" + q("Hama 6 Dec 2024"), token).json().path("items")).isEmpty();
        assertThat(api.get(base + "?q=x&size=0", token).problem(400)).contains("size");
    }

    @Test
    void the_same_words_in_another_source_come_with_exact_offsets() {
        UUID first = fixtures.newSource(project, editor, "First report", SENTENCE);
        UUID second = fixtures.newSource(project, editor, "Second report", "Background.",
                SENTENCE.replace("2024,", "2024 [3],").replace("  ", " "));
        JsonNode found = api.get("/api/v1/projects/" + project + "/sources/" + first + "/same-words?start=0&end="
                + SENTENCE.length(), token).json().path("items");
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.path("sourceId").asString()).isEqualTo(second.toString());
            assertThat(m.path("exact").asString()).startsWith("On 5 December 2024 [3],").endsWith("army withdrew");
            assertThat(m.path("end").asInt() - m.path("start").asInt()).isEqualTo(m.path("exact").asString().length());
        });
        assertThat(api.get("/api/v1/projects/" + project + "/sources/" + first + "/same-words?start=5&end=2", token)
                .problem(400)).isNotBlank();
    }

    @Test
    void proposing_an_entity_named_like_a_vetted_one_succeeds_with_a_possible_duplicate_warning() {
        var proposed = api.post("/api/v1/projects/" + project + "/changesets", token, Map.of("message", "Add a place",
                "operations", List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                        "payload", Map.of("kind", "PLACE", "name", "Ḥama", "aliases", List.of(Map.of("name", "حماة")))))));
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
        assertThat(proposed.json().path("summary").path("id").asString()).isNotBlank();
        assertThat(proposed.json().path("operations")).hasSize(1);
        assertThat(proposed.json().path("possibleDuplicates")).singleElement().satisfies(d -> {
            assertThat(d.path("operation").asInt()).isEqualTo(1);
            assertThat(d.path("existing").path("id").asString()).isEqualTo(hama.toString());
        });
        var unrelated = api.post("/api/v1/projects/" + project + "/changesets", token, Map.of("message", "Add a place",
                "operations", List.of(Map.of("kind", "ENTITY", "action", "CREATE",
                        "payload", Map.of("kind", "PLACE", "name", "Homs")))));
        assertThat(unrelated.json().path("possibleDuplicates")).isEmpty();
    }
}
