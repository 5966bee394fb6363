package org.annals.export;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.GeoPrecision;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventClaim;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exports' locations (issue 20, point 5) on H2 and PostgreSQL: events.csv takes latitude and longitude from the
 * event's place or its nearest located ancestor, with ACLED's geo-precision and the administrative areas; the
 * dataset says the same; events.geojson is RFC 7946 GeoJSON, the same bytes twice, with invisible characters escaped.
 */
// One set of places (and events) for every test: the tests only read them or add places of their own.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GeoExportContract {

    /** A title with a right-to-left override (reverses what follows on screen), a bell and a C1 control. */
    static final String TRICKY_TITLE = "Shelling of the \u202Eledatic\u202C citadel\u0007 \u0085today";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ExportService exports;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ReviewService review;
    @Autowired
    Fixtures fixtures;

    UUID project;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID syria;
    UUID town;
    UUID citadel;
    UUID mosque;
    UUID unmapped;
    UUID army;
    UUID atCitadel;
    UUID atMosque;
    UUID atUnmapped;
    UUID nowhere;

    @BeforeAll
    void placesAndEvents() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("geo-export-editor");
        reviewer = fixtures.newUser("geo-export-reviewer");
        viewer = fixtures.newUser("geo-export-viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        syria = place("Syria", 35.0, 38.5, GeoPrecision.COUNTRY, null);
        UUID idlib = place("Idlib Governorate", 35.9, 36.6, GeoPrecision.REGION, syria);
        UUID district = place("Jisr al-Shughur District", 35.8, 36.3, GeoPrecision.REGION, idlib);
        // More decimals than GeoJSON should carry, and a negative longitude would be written the same way.
        town = place("Jisr al-Shughur", 35.8123456789, 36.3187654321, GeoPrecision.TOWN, district);
        citadel = place("Citadel", null, null, null, town);
        mosque = place("Great Mosque", 35.8125, 36.319, null, town);
        unmapped = place("Unmapped village", null, null, null, null);
        army = entity(EntityPayload.of(EntityKind.ORGANIZATION, "=Army"));
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        atCitadel = event(EventPayload.of(TRICKY_TITLE, PartialDate.parse("2024-11-28"), battles).withPlace(citadel)
                .withActors(List.of(new EventActor(army, ActorRole.PRIMARY)))
                .withCasualties(List.of(EventClaim.killed(3, 3, null))));
        atMosque = event(EventPayload.of("Strike near the mosque", PartialDate.parse("2024-11-28"), battles)
                .withPlace(mosque));
        atUnmapped = event(EventPayload.of("Clash in a village", PartialDate.parse("2024-11"), battles)
                .withPlace(unmapped));
        nowhere = event(EventPayload.of("Statement", PartialDate.parse("2024-11-29"), battles));
    }

    private UUID place(String name, @Nullable Double latitude, @Nullable Double longitude,
            @Nullable GeoPrecision precision, @Nullable UUID partOf) {
        return entity(EntityPayload.of(EntityKind.PLACE, name).withCoordinates(latitude, longitude)
                .withPrecision(precision).withPartOf(partOf));
    }

    private UUID entity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private UUID event(EventPayload values) {
        var proposal = as(editor, () -> events.proposeCreate(project, values, "Add", true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.eventId();
    }

    byte[] export(ExportFormat format) {
        var out = new ByteArrayOutputStream();
        as(viewer, () -> {
            try {
                exports.export(project, format, ExportFilter.ALL, false, out, ExportProgress.NONE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out.toByteArray();
    }

    @Test
    void events_csv_locates_each_event_by_its_place_or_its_nearest_located_ancestor() {
        byte[] bytes = export(ExportFormat.EVENTS_CSV);
        assertThat(ExportContract.header(bytes)).containsExactlyElementsOf(CsvExport.EVENT_COLUMNS);
        Map<String, Map<String, String>> rows = ExportContract.csv(bytes).stream()
                .collect(Collectors.toMap(r -> r.get("event_id"), Function.identity()));
        // The citadel has no coordinates: the town's, a town's precision, said to be the town's.
        assertThat(rows.get(atCitadel.toString())).containsEntry("location", "Citadel")
                .containsEntry("admin_area", "Jisr al-Shughur").containsEntry("latitude", "35.8123456789")
                .containsEntry("longitude", "36.3187654321").containsEntry("geo_precision", "1")
                .containsEntry("location_precision", "town").containsEntry("located_by", "Jisr al-Shughur")
                .containsEntry("country", "Syria").containsEntry("admin1", "Idlib Governorate")
                .containsEntry("admin2", "Jisr al-Shughur District").containsEntry("actor1", "'=Army");
        // The mosque has its own (an unset precision: exact).
        assertThat(rows.get(atMosque.toString())).containsEntry("latitude", "35.8125").containsEntry("longitude", "36.319")
                .containsEntry("geo_precision", "1").containsEntry("location_precision", "exact")
                .containsEntry("located_by", "").containsEntry("country", "Syria")
                .containsEntry("admin1", "Idlib Governorate").containsEntry("admin2", "Jisr al-Shughur District");
        // No coordinates up the chain, or no place: every location cell empty.
        for (UUID unlocated : List.of(atUnmapped, nowhere)) {
            assertThat(rows.get(unlocated.toString())).containsEntry("latitude", "").containsEntry("longitude", "")
                    .containsEntry("geo_precision", "").containsEntry("location_precision", "")
                    .containsEntry("located_by", "").containsEntry("country", "").containsEntry("admin1", "")
                    .containsEntry("admin2", "");
        }
        ExportContract.assertNeutralisedAndRfc4180(bytes);

        Map<String, Map<String, String>> places = ExportContract.csv(export(ExportFormat.ENTITIES_CSV)).stream()
                .collect(Collectors.toMap(r -> r.get("name"), Function.identity()));
        assertThat(places.get("Syria")).containsEntry("precision", "country");
        assertThat(places.get("Jisr al-Shughur District")).containsEntry("precision", "region");
        assertThat(places.get("Great Mosque")).containsEntry("precision", "exact");
        assertThat(places.get("Citadel")).containsEntry("precision", "").containsEntry("latitude", "");
        assertThat(places.get("'=Army")).containsEntry("precision", "");
    }

    @Test
    void the_dataset_gives_places_their_precision_and_events_their_location_and_validates() {
        JsonNode dataset = JSON.readTree(export(ExportFormat.DATASET_JSON));
        assertThat(new DatasetSchema().errors(dataset)).isEmpty();
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        dataset.path("entities").forEach(e -> byId.put(e.path("id").asString(), e));
        dataset.path("events").forEach(e -> byId.put(e.path("id").asString(), e));
        assertThat(byId.get(syria.toString()).path("precision").asString()).isEqualTo("country");
        assertThat(byId.get(mosque.toString()).path("precision").asString()).isEqualTo("exact");
        assertThat(byId.get(citadel.toString()).has("precision")).isFalse();
        JsonNode inCitadel = byId.get(atCitadel.toString());
        // The place keeps only its own coordinates (none); the location says whose stand in.
        assertThat(inCitadel.path("place").has("latitude")).isFalse();
        JsonNode location = inCitadel.path("location");
        assertThat(location.path("latitude").asDouble()).isEqualTo(35.8123456789);
        assertThat(location.path("longitude").asDouble()).isEqualTo(36.3187654321);
        assertThat(location.path("precision").asString()).isEqualTo("town");
        assertThat(location.path("geoPrecision").asInt()).isEqualTo(1);
        assertThat(location.path("locatedBy").path("id").asString()).isEqualTo(town.toString());
        assertThat(location.path("locatedBy").path("name").asString()).isEqualTo("Jisr al-Shughur");
        assertThat(location.path("country").asString()).isEqualTo("Syria");
        assertThat(location.path("admin1").asString()).isEqualTo("Idlib Governorate");
        assertThat(location.path("admin2").asString()).isEqualTo("Jisr al-Shughur District");
        assertThat(byId.get(atMosque.toString()).path("place").path("latitude").asDouble()).isEqualTo(35.8125);
        assertThat(byId.get(atMosque.toString()).path("location").has("locatedBy")).isFalse();
        assertThat(byId.get(atUnmapped.toString()).has("location")).isFalse();
        assertThat(byId.get(nowhere.toString()).has("location")).isFalse();
        String lines = new String(export(ExportFormat.DATASET_JSONL), StandardCharsets.UTF_8);
        var schema = new DatasetSchema();
        lines.lines().forEach(line -> assertThat(schema.lineErrors(JSON.readTree(line))).as(line).isEmpty());
        // The schema holds locations to their rules: a precision that is not one, or a location without one, fails.
        var wrong = (tools.jackson.databind.node.ObjectNode) dataset.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) findEvent(wrong, atCitadel).path("location")).put("precision", "city");
        assertThat(schema.errors(wrong)).isNotEmpty();
        var missing = (tools.jackson.databind.node.ObjectNode) dataset.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) findEvent(missing, atCitadel).path("location")).remove("precision");
        assertThat(schema.errors(missing)).isNotEmpty();
    }

    private static JsonNode findEvent(JsonNode dataset, UUID id) {
        for (JsonNode e : dataset.path("events")) {
            if (e.path("id").asString().equals(id.toString())) {
                return e;
            }
        }
        throw new AssertionError("no event " + id);
    }

    @Test
    void events_geojson_is_an_rfc_7946_feature_collection_of_the_vetted_events() {
        assertThat(ExportFormat.byFileName("events.geojson")).contains(ExportFormat.EVENTS_GEOJSON);
        assertThat(ExportFormat.EVENTS_GEOJSON.contentType()).isEqualTo("application/geo+json");
        byte[] bytes = export(ExportFormat.EVENTS_GEOJSON);
        JsonNode root = JSON.readTree(bytes);
        assertRfc7946(root, new String(bytes, StandardCharsets.UTF_8));
        assertThat(as(viewer, () -> exports.count(project, ExportFormat.EVENTS_GEOJSON, ExportFilter.ALL))).isEqualTo(4);

        List<JsonNode> features = new ArrayList<>();
        root.path("features").forEach(features::add);
        // By start date, then id: the month-precise event (first of November) first; the two on the 28th by id.
        List<String> onThe28th = java.util.stream.Stream.of(atCitadel, atMosque).map(UUID::toString).sorted().toList();
        assertThat(features).extracting(f -> f.path("id").asString()).containsExactly(atUnmapped.toString(),
                onThe28th.get(0), onThe28th.get(1), nowhere.toString());
        Map<String, JsonNode> byId = features.stream().collect(Collectors.toMap(f -> f.path("id").asString(),
                Function.identity()));

        JsonNode citadelFeature = byId.get(atCitadel.toString());
        // [longitude, latitude], rounded to six decimals.
        assertThat(citadelFeature.path("geometry").path("coordinates").get(0).decimalValue())
                .isEqualByComparingTo("36.318765");
        assertThat(citadelFeature.path("geometry").path("coordinates").get(1).decimalValue())
                .isEqualByComparingTo("35.812346");
        JsonNode p = citadelFeature.path("properties");
        assertThat(p.path("title").asString()).isEqualTo(TRICKY_TITLE);
        assertThat(p.path("start").asString()).isEqualTo("2024-11-28");
        assertThat(p.path("end").isNull()).isTrue();
        assertThat(p.path("date_precision").asString()).isEqualTo("day");
        assertThat(p.path("type").asString()).isEqualTo("Battles");
        assertThat(p.path("place").asString()).isEqualTo("Citadel");
        assertThat(p.path("place_id").asString()).isEqualTo(citadel.toString());
        assertThat(p.path("precision").asString()).isEqualTo("town");
        assertThat(p.path("geo_precision").asInt()).isEqualTo(1);
        assertThat(p.path("located_by").asString()).isEqualTo("Jisr al-Shughur");
        assertThat(p.path("country").asString()).isEqualTo("Syria");
        assertThat(p.path("admin1").asString()).isEqualTo("Idlib Governorate");
        assertThat(p.path("admin2").asString()).isEqualTo("Jisr al-Shughur District");
        assertThat(p.path("actors").get(0).path("name").asString()).isEqualTo("=Army");
        assertThat(p.path("actors").get(0).path("role").asString()).isEqualTo("primary");
        assertThat(p.path("fatalities").asInt()).isEqualTo(3);
        assertThat(p.path("sources").isArray()).isTrue();

        assertThat(byId.get(atMosque.toString()).path("properties").path("precision").asString()).isEqualTo("exact");
        assertThat(byId.get(atMosque.toString()).path("properties").path("located_by").isNull()).isTrue();
        // Events without a location are features too, with a null geometry (RFC 7946, 3.2) and null location values.
        for (UUID unlocated : List.of(atUnmapped, nowhere)) {
            JsonNode feature = byId.get(unlocated.toString());
            assertThat(feature.has("geometry")).isTrue();
            assertThat(feature.path("geometry").isNull()).isTrue();
            assertThat(feature.path("properties").path("geo_precision").isNull()).isTrue();
            assertThat(feature.path("properties").path("precision").isNull()).isTrue();
        }
        assertThat(byId.get(atUnmapped.toString()).path("properties").path("start").asString()).isEqualTo("2024-11");
        assertThat(byId.get(atUnmapped.toString()).path("properties").path("date_precision").asString()).isEqualTo("month");
        assertThat(byId.get(nowhere.toString()).path("properties").path("place").isNull()).isTrue();
    }

    @Test
    void events_geojson_escapes_invisible_characters_and_is_the_same_bytes_twice() {
        byte[] first = export(ExportFormat.EVENTS_GEOJSON);
        assertThat(export(ExportFormat.EVENTS_GEOJSON)).isEqualTo(first);
        assertThat(export(ExportFormat.EVENTS_CSV)).isEqualTo(export(ExportFormat.EVENTS_CSV));
        String text = new String(first, StandardCharsets.UTF_8);
        // Neither the override, its end, the bell nor the C1 control appears as such: each is a visible escape...
        assertThat(text).doesNotContain("\u202E", "\u202C", "\u0007", "\u0085");
        assertThat(text.codePoints().filter(c -> Character.isISOControl(c) && c != '\n')
                .mapToObj(Integer::toHexString).toList()).isEmpty();
        assertThat(text).contains("\\u202e", "\\u202c", "\\u0007", "\\u0085");
        // ... that a JSON reader turns back into the title as entered: nothing lost.
        assertThat(JSON.readTree(first).path("features").findValuesAsString("title")).contains(TRICKY_TITLE);
        // Arabic and other visible text stays as it is (UTF-8, not escaped).
        assertThat(GeoJsonExport.VisibleEscapes.invisible('ح')).isFalse();
        assertThat(GeoJsonExport.coordinate(-0.0000001)).isEqualTo("0");
        assertThat(GeoJsonExport.coordinate(-12.5)).isEqualTo("-12.5");
        assertThat(GeoJsonExport.coordinate(1e-6)).isEqualTo("0.000001");
    }

    /**
     * The rules of RFC 7946 a FeatureCollection of points must follow: the "type" members, an array of features,
     * each a Feature with a "geometry" (null or a Point of two numbers, longitude first within [-180, 180] and
     * latitude within [-90, 90]) and "properties" (an object or null); ids strings or numbers, unique here; no
     * "crs" member anywhere (section 4); coordinates with at most six decimals, as this export promises.
     */
    static void assertRfc7946(JsonNode root, String text) {
        assertThat(root.isObject()).isTrue();
        assertThat(root.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(root.path("features").isArray()).isTrue();
        assertThat(root.findParent("crs")).as("no crs member (RFC 7946, 4)").isNull();
        var ids = new HashSet<String>();
        for (JsonNode feature : root.path("features")) {
            assertThat(feature.path("type").asString()).isEqualTo("Feature");
            assertThat(feature.has("geometry")).as("a Feature has a geometry member").isTrue();
            assertThat(feature.has("properties")).as("a Feature has a properties member").isTrue();
            JsonNode properties = feature.get("properties");
            assertThat(properties.isObject() || properties.isNull()).isTrue();
            JsonNode id = feature.get("id");
            if (id != null) {
                assertThat(id.isString() || id.isNumber()).isTrue();
                assertThat(ids.add(id.asString())).as("feature ids are unique").isTrue();
            }
            JsonNode geometry = feature.get("geometry");
            if (!geometry.isNull()) {
                assertThat(geometry.path("type").asString()).isEqualTo("Point");
                JsonNode position = geometry.path("coordinates");
                assertThat(position.isArray()).isTrue();
                assertThat(position.size()).isEqualTo(2);
                assertThat(position.get(0).isNumber() && position.get(1).isNumber()).isTrue();
                assertThat(position.get(0).asDouble()).isBetween(-180.0, 180.0);
                assertThat(position.get(1).asDouble()).isBetween(-90.0, 90.0);
            }
        }
        Matcher positions = Pattern.compile("\"coordinates\":\\[([^\\]]*)\\]").matcher(text);
        while (positions.find()) {
            for (String number : positions.group(1).split(",")) {
                assertThat(number).matches("-?\\d+(\\.\\d{1,6})?");
            }
        }
    }
}
