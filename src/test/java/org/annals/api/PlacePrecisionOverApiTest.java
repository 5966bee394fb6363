package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A place's precision over real HTTP (issue 20): proposed with the coordinates, returned with the entity, refused
 * without coordinates or on another kind with a problem that says why; events.geojson streamed as GeoJSON.
 */
@ApiTest
class PlacePrecisionOverApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;

    @Test
    void a_script_proposes_a_place_with_its_precision_and_reads_it_back_and_exports_geojson() {
        var api = new ApiClient(port);
        UUID project = fixtures.newProject(fixtures.admin());
        String base = "/api/v1/projects/" + project;
        String editor = member(project, ProjectRole.EDITOR);
        String reviewer = member(project, ProjectRole.REVIEWER);
        UUID hama = UUID.randomUUID();
        UUID citadel = UUID.randomUUID();
        var proposed = api.post(base + "/changesets", editor, Map.of("message", "Hama", "submit", true, "operations",
                List.of(Map.of("kind", "ENTITY", "recordId", hama.toString(), "action", "CREATE", "payload", Map.of(
                        "kind", "PLACE", "name", "Hama", "latitude", 35.13, "longitude", 36.75, "precision", "TOWN")),
                        Map.of("kind", "ENTITY", "recordId", citadel.toString(), "action", "CREATE", "payload", Map.of(
                                "kind", "PLACE", "name", "Hama Citadel", "partOf", hama.toString())))));
        assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
        String changeset = proposed.json().path("summary").path("id").asString();
        var approved = api.post("/api/v1/changesets/" + changeset + "/approve", reviewer, Map.of());
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);

        JsonNode place = api.get(base + "/entities/" + hama, editor).json();
        assertThat(place.path("values").path("precision").asString()).isEqualTo("TOWN");
        assertThat(api.get(base + "/entities/" + citadel, editor).json().path("values").path("precision").isNull())
                .isTrue();

        // Refused, each with a reason: a precision without coordinates, on a person, or one that does not exist.
        var vague = new HashMap<String, Object>(Map.of("kind", "PLACE", "name", "Somewhere", "precision", "NEAR"));
        assertThat(propose(api, base, editor, vague).problem(400)).contains("A precision needs coordinates");
        var person = new HashMap<String, Object>(Map.of("kind", "PERSON", "name", "Someone", "precision", "EXACT"));
        assertThat(propose(api, base, editor, person).problem(400)).contains("Only places have a precision");
        var city = new HashMap<String, Object>(Map.of("kind", "PLACE", "name", "Somewhere", "latitude", 1.0,
                "longitude", 2.0, "precision", "CITY"));
        assertThat(propose(api, base, editor, city).problem(400)).isNotBlank();

        var geojson = api.get(base + "/exports/events.geojson", editor);
        assertThat(geojson.status()).as("%s", geojson).isEqualTo(200);
        assertThat(geojson.contentType()).startsWith("application/geo+json");
        assertThat(geojson.json().path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(geojson.json().path("features").isArray()).isTrue();
    }

    private static ApiClient.Response propose(ApiClient api, String base, String token, Map<String, Object> payload) {
        return api.post(base + "/changesets", token, Map.of("message", "Try", "submit", true, "operations",
                List.of(Map.of("kind", "ENTITY", "action", "CREATE", "payload", payload))));
    }

    private String member(UUID project, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser("precision-" + role.name().toLowerCase(java.util.Locale.ROOT));
        fixtures.addMember(project, user, role);
        return Fixtures.as(user, () -> tokens.create("script", null, TokenScope.WRITE, LocalDate.now().plusDays(1)))
                .secret();
    }
}
