package org.annals.export;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.ActorRole;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Round trips of every export on H2 and PostgreSQL: vetted data in, pending data out, same bytes twice. */
abstract class ExportContract {

    static final String TEXT = "=HYPERLINK(\"http://evil\") Hay'at Tahrir al-Sham fighters 🚀 entered Aleppo; 12 were killed.";
    static final String ARABIC = "دخلت قوات المعارضة مدينة حلب.";
    static final String DATED = "The offensive reached the city on 30 November 2024.";
    static final String SECOND = "Opposition fighters entered Aleppo on 1 December 2024; 8 were killed and at least 30"
            + " injured.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ExportService exports;
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
    @Autowired
    SourceService sources;
    @Autowired
    Fixtures fixtures;

    UUID project;
    UUID source;
    UUID secondSource;
    String text;
    String secondText;
    UUID governorate;
    UUID secondDateQuote;
    UUID secondFigureQuote;
    AnnalsPrincipal editor;
    AnnalsPrincipal reviewer;
    AnnalsPrincipal viewer;
    UUID hts;
    UUID aleppo;
    UUID event;

    @BeforeEach
    void vettedAndPendingData() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("editor");
        reviewer = fixtures.newUser("reviewer");
        viewer = fixtures.newUser("viewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.addMember(project, viewer, ProjectRole.VIEWER);
        source = fixtures.newSource(project, editor, "+Report of the offensive", TEXT, ARABIC, DATED);
        text = as(editor, () -> sources.read(project, source)).text();
        secondSource = fixtures.newSource(project, editor, new SourceMetadata("Second report",
                "https://example.org/second", "Monitor", "A. Writer", LocalDate.of(2024, 12, 2), null, "en", "CC BY 4.0"),
                SECOND);
        secondText = as(editor, () -> sources.read(project, secondSource)).text();
        governorate = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo Governorate"));
        aleppo = approvedEntity(new EntityPayload(EntityKind.PLACE, "Aleppo", List.of(new Alias("حلب", "ar")), null,
                "Q41183", 36.2, 37.15, null, governorate, null));
        hts = approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "@HTS").withAliases(List.of(new Alias("HTS", null),
                new Alias("Hay'at; Tahrir (al-Sham)", "en"))));

        // The quotes that the claims of the second report (and the first's date) rest on, vetted first.
        UUID firstDateQuote = mark(source, text, "30 November 2024", AnnotationType.DATE, LinkChoice.none()).annotationId();
        secondDateQuote = mark(secondSource, secondText, "1 December 2024", AnnotationType.DATE, LinkChoice.none())
                .annotationId();
        var quotes = mark(secondSource, secondText, "8 were killed", AnnotationType.CASUALTY_FIGURE, LinkChoice.none());
        secondFigureQuote = quotes.annotationId();
        as(editor, () -> annotations.submitDraft(project, quotes.changesetId(), "Quotes"));
        as(reviewer, () -> review.approve(quotes.changesetId(), null));

        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        // The sources disagree on the day and on the toll: both claims of each are kept, the first report's preferred.
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles).withPlace(aleppo)
                .withActors(List.of(new EventActor(hts, ActorRole.PRIMARY)))
                .withClaims(List.of(
                        EventClaim.date(null, PartialDate.parse("2024-11-30"), null, source, firstDateQuote)
                                .preferred(true, "The first report is closer to the events"),
                        EventClaim.date(null, PartialDate.parse("2024-12-01"), null, secondSource, secondDateQuote),
                        EventClaim.killed(12, 12, source).preferred(true, null),
                        EventClaim.killed(20, 40, null).noted("=SOHR"),
                        EventClaim.casualties(null, new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, 8, 8,
                                CountQualifier.EXACTLY), secondSource, secondFigureQuote),
                        EventClaim.casualties(null, new Casualties(CasualtyCategory.INJURED, CasualtyParty.ALL, 30, 30,
                                CountQualifier.AT_LEAST), secondSource, null)))
                .withNotes("-1 day after the start", List.of("offensive")), "Add", true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        event = proposal.eventId();
        var marked = mark(source, text, "entered Aleppo", AnnotationType.EVENT_MENTION,
                new LinkChoice.Existing(EventRecordType.KIND, event));
        mark(source, text, "Hay'at Tahrir al-Sham", AnnotationType.ENTITY_MENTION,
                new LinkChoice.Existing(EntityRecordType.KIND, hts));
        mark(source, text, "حلب", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, aleppo));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Evidence"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        // Pending: submitted but not approved. None of it may appear anywhere.
        as(editor, () -> events.proposeCreate(project, EventPayload.of("Pending event", PartialDate.parse("2024-12-01"),
                battles), "Pending", true));
        var pending = mark(source, text, "12 were killed", AnnotationType.CASUALTY_FIGURE, LinkChoice.none());
        as(editor, () -> annotations.submitDraft(project, pending.changesetId(), "Pending figure"));
        as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PERSON, "Pending person"), "P", true));
    }

    private UUID approvedEntity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private AnnotationService.Marked mark(UUID in, String frozen, String phrase, AnnotationType type, LinkChoice link) {
        int start = frozen.indexOf(phrase);
        return as(editor, () -> annotations.annotate(project, in, start, start + phrase.length(), phrase, type, link));
    }

    /** The frozen text of each source, by id. */
    Map<String, String> texts() {
        return Map.of(source.toString(), text, secondSource.toString(), secondText);
    }

    byte[] export(ExportFormat format, ExportFilter filter, boolean bom) {
        var out = new ByteArrayOutputStream();
        as(viewer, () -> {
            try {
                exports.export(project, format, filter, bom, out, ExportProgress.NONE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return out.toByteArray();
    }

    static List<Map<String, String>> csv(byte[] bytes) {
        var rows = new ArrayList<Map<String, String>>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new String(bytes, StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields();
                    continue;
                }
                var row = new java.util.LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), record.getField(i));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    @Test
    void events_csv_has_the_vetted_event_in_acled_like_columns_and_neutralises_risky_cells() {
        byte[] bytes = export(ExportFormat.EVENTS_CSV, ExportFilter.ALL, false);
        assertThat(header(bytes)).containsExactlyElementsOf(CsvExport.EVENT_COLUMNS);
        var rows = csv(bytes);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("event_id")).isEqualTo(event.toString());
            assertThat(row.get("title")).isEqualTo("Rebels enter Aleppo");
            assertThat(row.get("event_date")).isEqualTo("2024-11-30");
            assertThat(row.get("date_precision")).isEqualTo("day");
            assertThat(row.get("event_type")).isEqualTo("Battles");
            assertThat(row.get("actor1")).isEqualTo("'@HTS");
            assertThat(row.get("location")).isEqualTo("Aleppo");
            assertThat(row.get("admin_area")).isEqualTo("Aleppo Governorate");
            assertThat(row.get("latitude")).isEqualTo("36.2");
            assertThat(row.get("longitude")).isEqualTo("37.15");
            // Its own coordinates, unset precision: an exact point (ACLED 1); no country or region places above it.
            assertThat(row.get("geo_precision")).isEqualTo("1");
            assertThat(row.get("location_precision")).isEqualTo("exact");
            assertThat(row.get("located_by")).isEmpty();
            assertThat(row.get("country")).isEmpty();
            assertThat(row.get("admin1")).isEmpty();
            assertThat(row.get("admin2")).isEmpty();
            // The preferred figure of the killed; the lowest and highest any source gives.
            assertThat(row.get("fatalities")).isEqualTo("12");
            assertThat(row.get("fatalities_min")).isEqualTo("8");
            assertThat(row.get("fatalities_max")).isEqualTo("40");
            assertThat(row.get("sources")).isEqualTo("'+Report of the offensive | Second report <https://example.org/second>");
            assertThat(row.get("supporting_annotations")).isEqualTo("1");
            assertThat(row.get("notes")).isEqualTo("'-1 day after the start");
            assertThat(row.get("tags")).isEqualTo("offensive");
            assertThat(row.get("last_approved_by")).isEqualTo(reviewer.getUsername());
            assertThat(row.get("approved_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(row.get("revision")).isEqualTo("1");
            assertThat(row.get("contested_fields")).isEqualTo("date; casualties");
            assertThat(row.get("date_alternatives")).isEqualTo("2024-12-01 (Second report)");
            assertThat(row.get("place_alternatives")).isEmpty();
            assertThat(row.get("type_alternatives")).isEmpty();
            assertThat(row.get("actors_alternatives")).isEmpty();
            // The injured figure is preferred for its own kind of count: not an alternative to the killed.
            assertThat(row.get("casualties_alternatives")).isEqualTo("20–40 killed; 8 killed (Second report)");
            assertThat(ExportTextTest.split(row.get("casualties_alternatives")))
                    .containsExactly("20–40 killed", "8 killed (Second report)");
        });
        assertNeutralisedAndRfc4180(bytes);
    }

    @Test
    void claims_csv_has_one_row_per_claim_with_its_value_source_and_quote() {
        byte[] bytes = export(ExportFormat.CLAIMS_CSV, ExportFilter.ALL, false);
        assertThat(header(bytes)).containsExactlyElementsOf(CsvExport.CLAIM_COLUMNS);
        var rows = csv(bytes);
        assertThat(rows).extracting(r -> r.get("field")).containsExactly("date", "date", "place", "type", "actors",
                "casualties", "casualties", "casualties", "casualties");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("event_id")).isEqualTo(event.toString());
            assertThat(r.get("event_title")).isEqualTo("Rebels enter Aleppo");
            assertThat(r.get("claim_id")).matches("[0-9a-f-]{36}");
        });
        assertThat(rows.get(0)).containsEntry("preferred", "true").containsEntry("disputed", "true")
                .containsEntry("value", "2024-11-30").containsEntry("date", "2024-11-30")
                .containsEntry("date_precision", "day").containsEntry("reason", "The first report is closer to the events")
                .containsEntry("source_id", source.toString()).containsEntry("source_title", "'+Report of the offensive")
                .containsEntry("quote", "30 November 2024");
        assertThat(rows.get(1)).containsEntry("preferred", "false").containsEntry("disputed", "true")
                .containsEntry("date", "2024-12-01").containsEntry("source_title", "Second report")
                .containsEntry("source_url", "https://example.org/second").containsEntry("quote", "1 December 2024")
                .containsEntry("annotation_id", secondDateQuote.toString()).containsEntry("reason", "");
        assertThat(rows.get(2)).containsEntry("place_id", aleppo.toString()).containsEntry("place", "Aleppo")
                .containsEntry("preferred", "true").containsEntry("disputed", "false").containsEntry("source_id", "");
        assertThat(rows.get(3)).containsEntry("event_type", "Battles").containsEntry("value", "Battles");
        assertThat(rows.get(4)).containsEntry("actors", "primary: @HTS").containsEntry("actor_ids", "primary: " + hts);
        assertThat(rows.get(5)).containsEntry("category", "killed").containsEntry("party", "all")
                .containsEntry("minimum", "12").containsEntry("maximum", "12").containsEntry("qualifier", "exactly")
                .containsEntry("preferred", "true").containsEntry("disputed", "true");
        assertThat(rows.get(6)).containsEntry("minimum", "20").containsEntry("maximum", "40").containsEntry("note", "'=SOHR")
                .containsEntry("source_id", "");
        assertThat(rows.get(7)).containsEntry("value", "8 killed").containsEntry("quote", "8 were killed")
                .containsEntry("annotation_id", secondFigureQuote.toString());
        assertThat(rows.get(8)).containsEntry("category", "injured").containsEntry("qualifier", "at_least")
                .containsEntry("value", "at least 30 injured").containsEntry("preferred", "true")
                .containsEntry("disputed", "false");
        assertNeutralisedAndRfc4180(bytes);
        assertThat(as(viewer, () -> exports.count(project, ExportFormat.CLAIMS_CSV, ExportFilter.ALL))).isEqualTo(9);
        assertThat(csv(export(ExportFormat.CLAIMS_CSV, new ExportFilter(LocalDate.of(2024, 12, 1), null, null, null, null,
                null), false))).isEmpty();
    }

    @Test
    void entities_and_annotations_csv_hold_only_vetted_rows_whose_offsets_select_the_quote() {
        byte[] entities = export(ExportFormat.ENTITIES_CSV, ExportFilter.ALL, false);
        var entityRows = csv(entities);
        assertThat(entityRows).extracting(r -> r.get("name")).containsExactly("'@HTS", "Aleppo", "Aleppo Governorate");
        assertThat(entityRows.get(1)).containsEntry("aliases", "حلب (ar)").containsEntry("wikidata_id", "Q41183")
                .containsEntry("part_of", "Aleppo Governorate").containsEntry("part_of_id", governorate.toString())
                .containsEntry("precision", "exact");
        assertThat(entityRows.get(2)).containsEntry("precision", "");
        // An alias holding the separator and parentheses stays one alias, its language apart.
        assertThat(entityRows.get(0).get("aliases")).isEqualTo("HTS; Hay'at\\; Tahrir \\(al-Sham\\) (en)");
        assertThat(ExportTextTest.split(entityRows.get(0).get("aliases"))).containsExactly("HTS", "Hay'at; Tahrir (al-Sham) (en)");
        assertThat(entityRows.get(2)).containsEntry("part_of_id", "");
        assertNeutralisedAndRfc4180(entities);

        byte[] annotationsCsv = export(ExportFormat.ANNOTATIONS_CSV, ExportFilter.ALL, false);
        assertThat(header(annotationsCsv)).containsExactlyElementsOf(CsvExport.ANNOTATION_COLUMNS);
        assertNeutralisedAndRfc4180(annotationsCsv);
        var annotationRows = csv(annotationsCsv);
        assertThat(annotationRows).hasSize(6);
        for (var row : annotationRows) {
            int start = Integer.parseInt(row.get("start"));
            int end = Integer.parseInt(row.get("end"));
            assertThat(texts().get(row.get("source_id")).substring(start, end)).isEqualTo(row.get("exact"));
            assertThat(row.get("approved_by")).isEqualTo(reviewer.getUsername());
        }
        assertThat(annotationRows).extracting(r -> r.get("exact")).doesNotContain("12 were killed");
        // Text sources have no pages: the page column (for PDFs) stays empty.
        assertThat(annotationRows).allSatisfy(r -> assertThat(r.get("page")).isEmpty());
        // The quotes that claims rest on name those claims, as claims.csv names the quotes.
        var claimRows = csv(export(ExportFormat.CLAIMS_CSV, ExportFilter.ALL, false));
        for (var row : annotationRows) {
            assertThat(row.get("claim_ids")).isEqualTo(claimRows.stream().filter(c -> c.get("annotation_id")
                    .equals(row.get("annotation_id"))).map(c -> c.get("claim_id")).collect(Collectors.joining("; ")));
        }
        assertThat(annotationRows).filteredOn(r -> !r.get("claim_ids").isEmpty()).hasSize(3);
        // The prefix of the first span begins with a formula character in the text itself.
        assertThat(annotationRows).anySatisfy(r -> assertThat(r.get("prefix")).startsWith("'=HYPERLINK"));
    }

    @Test
    void the_web_annotation_selectors_count_code_points_and_select_exactly_the_stored_quote() {
        JsonNode collection = JSON.readTree(export(ExportFormat.ANNOTATIONS_JSONLD, ExportFilter.ALL, false));
        assertThat(collection.path("@context").asString()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(collection.path("type").asString()).isEqualTo("AnnotationCollection");
        assertThat(collection.path("total").asInt()).isEqualTo(6);
        JsonNode page = collection.path("first");
        assertThat(page.path("type").asString()).isEqualTo("AnnotationPage");
        // Both are urn:uuid URNs (RFC 9562's form: a bare UUID after the prefix), and not the same.
        for (String id : List.of(collection.path("id").asString(), page.path("id").asString())) {
            assertThat(id).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
        assertThat(collection.path("id").asString()).isNotEqualTo(page.path("id").asString());
        JsonNode items = page.path("items");
        assertThat(items.size()).isEqualTo(6);
        boolean shifted = false;
        for (JsonNode item : items) {
            assertThat(item.path("type").asString()).isEqualTo("Annotation");
            assertThat(item.path("id").asString()).startsWith("urn:uuid:");
            JsonNode target = item.path("target");
            String frozen = texts().get(target.path("source").asString().substring("urn:uuid:".length()));
            JsonNode quote = target.path("selector").get(0);
            JsonNode position = target.path("selector").get(1);
            assertThat(quote.path("type").asString()).isEqualTo("TextQuoteSelector");
            assertThat(position.path("type").asString()).isEqualTo("TextPositionSelector");
            // Positions count Unicode code points, as the Web Annotation Data Model defines characters.
            int start = position.path("start").asInt();
            int end = position.path("end").asInt();
            int[] points = frozen.codePoints().toArray();
            assertThat(new String(points, start, end - start)).isEqualTo(quote.path("exact").asString());
            assertThat(new String(points, 0, start)).endsWith(quote.path("prefix").asString());
            assertThat(new String(points, end, points.length - end)).startsWith(quote.path("suffix").asString());
            shifted |= frozen.indexOf(quote.path("exact").asString()) != start;
            assertThat(frozen.indexOf(quote.path("prefix").asString() + quote.path("exact").asString()
                    + quote.path("suffix").asString())).as("the quote with its context occurs once").isEqualTo(
                    frozen.lastIndexOf(quote.path("prefix").asString() + quote.path("exact").asString()
                            + quote.path("suffix").asString()));
        }
        assertThat(shifted).as("a quote after the emoji starts one code point before its UTF-16 offset").isTrue();
    }

    @Test
    void the_web_annotations_of_quotes_that_back_claims_name_the_claim_and_its_event() {
        Map<String, String> claimOfQuote = new java.util.HashMap<>();
        csv(export(ExportFormat.CLAIMS_CSV, ExportFilter.ALL, false)).stream().filter(r -> !r.get("annotation_id").isEmpty())
                .forEach(r -> claimOfQuote.put(r.get("annotation_id"), r.get("claim_id")));
        assertThat(claimOfQuote).hasSize(3);
        JsonNode items = JSON.readTree(export(ExportFormat.ANNOTATIONS_JSONLD, ExportFilter.ALL, false)).path("first")
                .path("items");
        for (JsonNode item : items) {
            String id = item.path("id").asString().substring("urn:uuid:".length());
            var described = new ArrayList<JsonNode>();
            item.path("body").forEach(body -> {
                if ("describing".equals(body.path("purpose").asString())) {
                    described.add(body);
                }
            });
            if (claimOfQuote.containsKey(id)) {
                assertThat(described).singleElement().satisfies(body -> {
                    assertThat(body.path("type").asString()).isEqualTo("SpecificResource");
                    assertThat(body.path("source").asString()).isEqualTo("urn:uuid:" + claimOfQuote.get(id));
                    assertThat(body.path("scope").asString()).isEqualTo("urn:uuid:" + event);
                    assertThat(body.path("label").asString()).endsWith("claim of Rebels enter Aleppo");
                });
            } else {
                assertThat(described).isEmpty();
            }
        }
    }

    @Test
    void the_dataset_in_json_and_json_lines_carries_every_claim_and_the_sources_frozen_texts() {
        JsonNode dataset = JSON.readTree(export(ExportFormat.DATASET_JSON, ExportFilter.ALL, false));
        assertThat(dataset.path("project").path("id").asString()).isEqualTo(project.toString());
        assertThat(dataset.path("entities").size()).isEqualTo(3);
        assertThat(dataset.path("events").size()).isEqualTo(1);
        JsonNode e = dataset.path("events").get(0);
        assertThat(e.path("actors").get(0).path("name").asString()).isEqualTo("@HTS");
        assertThat(e.path("fatalities").path("best").asInt()).isEqualTo(12);
        assertThat(e.path("contestedFields")).extracting(JsonNode::asString).containsExactly("date", "casualties");
        assertThat(e.path("claims").size()).isEqualTo(9);
        JsonNode secondDate = e.path("claims").get(1);
        assertThat(secondDate.path("field").asString()).isEqualTo("date");
        assertThat(secondDate.path("preferred").asBoolean()).isFalse();
        assertThat(secondDate.path("start").path("date").asString()).isEqualTo("2024-12-01");
        assertThat(secondDate.path("source").path("title").asString()).isEqualTo("Second report");
        assertThat(secondDate.path("annotationId").asString()).isEqualTo(secondDateQuote.toString());
        assertThat(secondDate.path("quote").asString()).isEqualTo("1 December 2024");
        JsonNode injured = e.path("claims").get(8).path("casualties");
        assertThat(injured.path("category").asString()).isEqualTo("injured");
        assertThat(injured.path("qualifier").asString()).isEqualTo("at_least");
        assertThat(e.path("claims").get(0).path("reason").asString()).isEqualTo("The first report is closer to the events");
        assertThat(e.path("disputes")).extracting(d -> d.path("text").asString()).containsExactly(
                "date disputed: 30 November 2024 (+Report of the offensive) or 1 December 2024 (Second report)",
                "killed disputed: 12 killed (+Report of the offensive) or 20–40 killed (no source) or 8 killed (Second report)");
        // Every competing claim of a dispute, the preferred first; the injured figure competes with none.
        assertThat(e.path("disputes").get(0).path("claimIds")).extracting(JsonNode::asString).containsExactly(
                e.path("claims").get(0).path("id").asString(), secondDate.path("id").asString());
        assertThat(e.path("disputes").get(1).path("claimIds")).extracting(JsonNode::asString).containsExactly(
                e.path("claims").get(5).path("id").asString(), e.path("claims").get(6).path("id").asString(),
                e.path("claims").get(7).path("id").asString());
        assertThat(e.path("disputes").get(1).path("category").asString()).isEqualTo("killed");
        assertThat(e.path("evidence").get(0).path("exact").asString()).isEqualTo("entered Aleppo");
        assertThat(dataset.toString()).doesNotContain("Pending event").doesNotContain("Pending person");

        JsonNode second = dataset.path("sources").get(1);
        assertThat(second.path("title").asString()).isEqualTo("Second report");
        assertThat(second.path("url").asString()).isEqualTo("https://example.org/second");
        assertThat(second.path("author").asString()).isEqualTo("A. Writer");
        assertThat(second.path("publishedOn").asString()).isEqualTo("2024-12-02");
        assertThat(second.path("licence").asString()).isEqualTo("CC BY 4.0");
        // The text the offsets count in, whole: every evidence offset selects its quote in it.
        assertThat(dataset.path("sources").get(0).path("text").asString()).isEqualTo(text);
        assertThat(second.path("text").asString()).isEqualTo(secondText);
        assertThat(second.path("textLength").asInt()).isEqualTo(secondText.length());
        assertThat(second.path("textSha256").asString()).isEqualTo(org.annals.source.TextFreezer.sha256(secondText));
        JsonNode evidence = e.path("evidence").get(0);
        assertThat(dataset.path("sources").get(0).path("text").asString().substring(evidence.path("start").asInt(),
                evidence.path("end").asInt())).isEqualTo(evidence.path("exact").asString());

        assertThat(dataset.path("annotations").size()).isEqualTo(6);
        dataset.path("annotations").forEach(a -> assertThat(a.path("target").path("selector").get(0).path("exact")
                .asString()).isNotEqualTo("12 were killed"));

        String lines = new String(export(ExportFormat.DATASET_JSONL, ExportFilter.ALL, false), StandardCharsets.UTF_8);
        assertThat(lines).endsWith("\n");
        var kinds = lines.lines().map(line -> JSON.readTree(line).path("record").asString()).toList();
        assertThat(kinds).containsExactly("project", "source", "source", "entity", "entity", "entity", "event",
                "annotation", "annotation", "annotation", "annotation", "annotation", "annotation");
        JsonNode eventLine = JSON.readTree(lines.lines().filter(l -> l.contains("\"record\":\"event\"")).findFirst()
                .orElseThrow());
        assertThat(eventLine.path("claims")).isEqualTo(e.path("claims"));
    }

    @Test
    void dataset_json_and_every_json_lines_record_validate_against_the_published_schema() {
        var schema = new DatasetSchema();
        assertThat(schema.errors(JSON.readTree(export(ExportFormat.DATASET_JSON, ExportFilter.ALL, false)))).isEmpty();
        String lines = new String(export(ExportFormat.DATASET_JSONL, ExportFilter.ALL, false), StandardCharsets.UTF_8);
        lines.lines().forEach(line -> assertThat(schema.lineErrors(JSON.readTree(line))).as(line).isEmpty());
        // The schema is not a rubber stamp: a claim without its field's value, or an offset below zero, fails.
        JsonNode dataset = JSON.readTree(export(ExportFormat.DATASET_JSON, ExportFilter.ALL, false));
        ((tools.jackson.databind.node.ObjectNode) dataset.path("events").get(0).path("claims").get(1)).remove("start");
        assertThat(schema.errors(dataset)).isNotEmpty();
        JsonNode line = JSON.readTree(lines.lines().filter(l -> l.contains("\"record\":\"annotation\"")).findFirst()
                .orElseThrow());
        ((tools.jackson.databind.node.ObjectNode) line.path("annotation").path("target").path("selector").get(1))
                .put("start", -1);
        assertThat(schema.lineErrors(line)).isNotEmpty();
    }

    @Autowired
    org.annals.source.SourceImportService imports;

    @Test
    void a_source_imported_from_a_file_carries_its_capture_in_the_dataset_and_it_validates() {
        byte[] file = "A third report, uploaded as a file.".getBytes(StandardCharsets.UTF_8);
        var preview = as(editor, () -> imports.preview(project, "third.txt", file));
        as(editor, () -> imports.importSource(project, new org.annals.source.ImportRequest(
                SourceMetadata.titled("Third report"), preview.draft().format(), preview.draft().blocks(), "third.txt",
                preview.charset(), true, preview.original())));

        JsonNode dataset = JSON.readTree(export(ExportFormat.DATASET_JSON, ExportFilter.ALL, false));
        JsonNode third = java.util.stream.StreamSupport.stream(dataset.path("sources").spliterator(), false)
                .filter(s -> s.path("title").asString().equals("Third report")).findFirst().orElseThrow();
        JsonNode capture = third.path("capture");
        assertThat(capture.path("kind").asString()).isEqualTo("file");
        assertThat(capture.path("fileName").asString()).isEqualTo("third.txt");
        assertThat(capture.path("sha256").asString()).isEqualTo(org.annals.source.Original.sha256(file));
        assertThat(capture.path("size").asLong()).isEqualTo(file.length);
        assertThat(capture.path("retrievedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(dataset.path("sources").get(0).has("capture")).as("pasted text has none").isFalse();
        var schema = new DatasetSchema();
        assertThat(schema.errors(dataset)).isEmpty();
        String lines = new String(export(ExportFormat.DATASET_JSONL, ExportFilter.ALL, false), StandardCharsets.UTF_8);
        lines.lines().forEach(line -> assertThat(schema.lineErrors(JSON.readTree(line))).as(line).isEmpty());
        ((tools.jackson.databind.node.ObjectNode) capture).put("sha256", "not a hash");
        assertThat(schema.errors(dataset)).isNotEmpty();
    }

    @Test
    void the_timeline_is_in_timelinejs_format_with_user_text_escaped_and_the_disagreement_told() {
        JsonNode timeline = JSON.readTree(export(ExportFormat.TIMELINE_JSON, ExportFilter.ALL, false));
        JsonNode slide = timeline.path("events").get(0);
        assertThat(timeline.path("events").size()).isEqualTo(1);
        assertThat(slide.path("start_date").path("year").asString()).isEqualTo("2024");
        assertThat(slide.path("start_date").path("month").asString()).isEqualTo("11");
        assertThat(slide.path("start_date").path("day").asString()).isEqualTo("30");
        assertThat(slide.path("text").path("headline").asString()).isEqualTo("Rebels enter Aleppo");
        assertThat(slide.path("text").path("text").asString()).contains(
                "<p>date disputed: 30 November 2024 (+Report of the offensive) or 1 December 2024 (Second report)</p>",
                "<p>killed disputed: 12 killed (+Report of the offensive) or 20–40 killed (no source) or 8 killed"
                        + " (Second report)</p>");
    }

    @Test
    void the_same_data_exported_twice_gives_the_same_bytes_and_the_bom_is_optional() {
        for (ExportFormat format : ExportFormat.values()) {
            assertThat(export(format, ExportFilter.ALL, false)).as(format.fileName())
                    .isEqualTo(export(format, ExportFilter.ALL, false));
        }
        for (ExportFormat format : List.of(ExportFormat.EVENTS_CSV, ExportFormat.CLAIMS_CSV)) {
            byte[] withBom = export(format, ExportFilter.ALL, true);
            byte[] without = export(format, ExportFilter.ALL, false);
            assertThat(java.util.Arrays.copyOf(withBom, 3)).isEqualTo(CsvExport.BOM);
            assertThat(java.util.Arrays.copyOfRange(withBom, 3, withBom.length)).isEqualTo(without);
        }
    }

    @Test
    void filters_select_events_and_their_evidence() {
        assertThat(csv(export(ExportFormat.EVENTS_CSV, new ExportFilter(LocalDate.of(2024, 12, 1), null, null, null, null,
                null), false))).isEmpty();
        assertThat(csv(export(ExportFormat.EVENTS_CSV, new ExportFilter(null, null, null, hts, aleppo, source), false)))
                .hasSize(1);
        assertThat(csv(export(ExportFormat.ANNOTATIONS_CSV, new ExportFilter(LocalDate.of(2024, 11, 1),
                LocalDate.of(2024, 11, 30), null, null, null, null), false))).extracting(r -> r.get("exact"))
                .containsExactly("entered Aleppo");
        assertThat(as(viewer, () -> exports.count(project, ExportFormat.ANNOTATIONS_JSONLD, ExportFilter.ALL))).isEqualTo(6);
        assertThatThrownBy(() -> new ExportFilter(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 1), null, null, null,
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("ends");
    }

    /** The header row as a CSV parser reads it. */
    static List<String> header(byte[] bytes) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new String(bytes, StandardCharsets.UTF_8))) {
            return reader.iterator().next().getFields();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * RFC 4180 as this export writes it: CRLF after every record (line breaks inside cells only within quotes), every
     * record as wide as the header, and no cell that a spreadsheet would run as a formula.
     */
    static void assertNeutralisedAndRfc4180(byte[] bytes) {
        String content = new String(bytes, StandardCharsets.UTF_8);
        assertThat(content).endsWith("\r\n");
        int width = header(bytes).size();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(content)) {
            for (CsvRecord record : reader) {
                assertThat(record.getFieldCount()).as("record %d", record.getStartingLineNumber()).isEqualTo(width);
                record.getFields().forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")
                        .satisfiesAnyOf(c -> assertThat(c).doesNotStartWith("-"), c -> assertThat(c).matches("-\\d+(\\.\\d+)?")));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(content.replace("\r\n", "")).as("no bare line feed outside quoted cells").satisfies(rest -> {
            for (String outside : rest.split("\"[^\"]*\"")) {
                assertThat(outside).doesNotContain("\n");
            }
        });
    }

    @Test
    void a_cancelled_export_stops_and_non_members_cannot_export() {
        var written = new AtomicLong();
        var cancelAfterFirstBatch = new ExportProgress() {
            @Override
            public void written(long rows) {
                written.set(rows);
            }

            @Override
            public boolean cancelled() {
                return written.get() > 0;
            }
        };
        assertThatThrownBy(() -> as(viewer, () -> {
            try {
                exports.export(project, ExportFormat.DATASET_JSON, ExportFilter.ALL, false, new ByteArrayOutputStream(),
                        cancelAfterFirstBatch);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(ExportCancelledException.class);
        AnnalsPrincipal stranger = fixtures.newUser("stranger");
        assertThatThrownBy(() -> as(stranger, () -> exports.count(project, ExportFormat.EVENTS_CSV, ExportFilter.ALL)))
                .isInstanceOf(NotFoundException.class);
    }
}
