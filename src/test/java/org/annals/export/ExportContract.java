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
    String text;
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
        source = fixtures.newSource(project, editor, "+Report of the offensive", TEXT, ARABIC);
        text = as(editor, () -> sources.read(project, source)).text();
        UUID governorate = approvedEntity(EntityPayload.of(EntityKind.PLACE, "Aleppo Governorate"));
        aleppo = approvedEntity(new EntityPayload(EntityKind.PLACE, "Aleppo", List.of(new Alias("حلب", "ar")), null,
                "Q41183", 36.2, 37.15, governorate, null));
        hts = approvedEntity(EntityPayload.of(EntityKind.ORGANIZATION, "@HTS").withAliases(List.of(new Alias("HTS", null))));
        UUID battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
        var proposal = as(editor, () -> events.proposeCreate(project, EventPayload.of("Rebels enter Aleppo",
                PartialDate.parse("2024-11-30"), battles).withPlace(aleppo)
                .withActors(List.of(new EventActor(hts, ActorRole.PRIMARY)))
                .withCasualties(List.of(EventClaim.killed(12, 12, source), EventClaim.killed(20, 40, null).noted("SOHR")))
                .withNotes("-1 day after the start", List.of("offensive")), "Add", true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        event = proposal.eventId();
        var marked = mark("entered Aleppo", AnnotationType.EVENT_MENTION, new LinkChoice.Existing(EventRecordType.KIND, event));
        mark("Hay'at Tahrir al-Sham", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, hts));
        mark("حلب", AnnotationType.ENTITY_MENTION, new LinkChoice.Existing(EntityRecordType.KIND, aleppo));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "Evidence"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        // Pending: submitted but not approved. None of it may appear anywhere.
        as(editor, () -> events.proposeCreate(project, EventPayload.of("Pending event", PartialDate.parse("2024-12-01"),
                battles), "Pending", true));
        var pending = mark("12 were killed", AnnotationType.CASUALTY_FIGURE, LinkChoice.none());
        as(editor, () -> annotations.submitDraft(project, pending.changesetId(), "Pending figure"));
        as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PERSON, "Pending person"), "P", true));
    }

    private UUID approvedEntity(EntityPayload values) {
        var proposal = as(editor, () -> entities.proposeCreate(project, values, "Add " + values.name(), true));
        as(reviewer, () -> review.approve(proposal.changesetId(), null));
        return proposal.entityId();
    }

    private AnnotationService.Marked mark(String phrase, AnnotationType type, LinkChoice link) {
        int start = text.indexOf(phrase);
        return as(editor, () -> annotations.annotate(project, source, start, start + phrase.length(), phrase, type, link));
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
        var rows = csv(export(ExportFormat.EVENTS_CSV, ExportFilter.ALL, false));
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
            assertThat(row.get("fatalities")).isEqualTo("12");
            assertThat(row.get("fatalities_min")).isEqualTo("12");
            assertThat(row.get("fatalities_max")).isEqualTo("40");
            assertThat(row.get("sources")).isEqualTo("'+Report of the offensive");
            assertThat(row.get("supporting_annotations")).isEqualTo("1");
            assertThat(row.get("notes")).isEqualTo("'-1 day after the start");
            assertThat(row.get("tags")).isEqualTo("offensive");
            assertThat(row.get("last_approved_by")).isEqualTo(reviewer.getUsername());
            assertThat(row.get("approved_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(row.get("revision")).isEqualTo("1");
        });
        for (var row : rows) {
            row.values().forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r"));
        }
    }

    @Test
    void entities_and_annotations_csv_hold_only_vetted_rows_whose_offsets_select_the_quote() {
        var entityRows = csv(export(ExportFormat.ENTITIES_CSV, ExportFilter.ALL, false));
        assertThat(entityRows).extracting(r -> r.get("name")).containsExactly("'@HTS", "Aleppo", "Aleppo Governorate");
        assertThat(entityRows.get(1)).containsEntry("aliases", "حلب (ar)").containsEntry("wikidata_id", "Q41183")
                .containsEntry("part_of", "Aleppo Governorate");

        var annotationRows = csv(export(ExportFormat.ANNOTATIONS_CSV, ExportFilter.ALL, false));
        assertThat(annotationRows).hasSize(3);
        for (var row : annotationRows) {
            int start = Integer.parseInt(row.get("start"));
            int end = Integer.parseInt(row.get("end"));
            assertThat(text.substring(start, end)).isEqualTo(row.get("exact"));
            assertThat(row.get("approved_by")).isEqualTo(reviewer.getUsername());
        }
        assertThat(annotationRows).extracting(r -> r.get("exact")).doesNotContain("12 were killed");
        // The prefix of the first span begins with a formula character in the text itself.
        assertThat(annotationRows).anySatisfy(r -> assertThat(r.get("prefix")).startsWith("'=HYPERLINK"));
    }

    @Test
    void the_web_annotation_selectors_select_exactly_the_stored_quote_in_the_frozen_text() {
        JsonNode collection = JSON.readTree(export(ExportFormat.ANNOTATIONS_JSONLD, ExportFilter.ALL, false));
        assertThat(collection.path("@context").asString()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(collection.path("type").asString()).isEqualTo("AnnotationCollection");
        assertThat(collection.path("id").asString()).isNotBlank();
        assertThat(collection.path("total").asInt()).isEqualTo(3);
        JsonNode items = collection.path("first").path("items");
        assertThat(collection.path("first").path("type").asString()).isEqualTo("AnnotationPage");
        assertThat(items.size()).isEqualTo(3);
        for (JsonNode item : items) {
            assertThat(item.path("type").asString()).isEqualTo("Annotation");
            assertThat(item.path("id").asString()).startsWith("urn:uuid:");
            JsonNode target = item.path("target");
            assertThat(target.path("source").asString()).isEqualTo("urn:uuid:" + source);
            JsonNode quote = target.path("selector").get(0);
            JsonNode position = target.path("selector").get(1);
            assertThat(quote.path("type").asString()).isEqualTo("TextQuoteSelector");
            assertThat(position.path("type").asString()).isEqualTo("TextPositionSelector");
            int start = position.path("start").asInt();
            int end = position.path("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(quote.path("exact").asString());
            assertThat(text.substring(0, start)).endsWith(quote.path("prefix").asString());
            assertThat(text.substring(end)).startsWith(quote.path("suffix").asString());
            assertThat(text.indexOf(quote.path("prefix").asString() + quote.path("exact").asString()
                    + quote.path("suffix").asString())).as("the quote with its context occurs once").isEqualTo(
                    text.lastIndexOf(quote.path("prefix").asString() + quote.path("exact").asString()
                            + quote.path("suffix").asString()));
        }
    }

    @Test
    void the_dataset_in_json_and_json_lines_nests_actors_claims_and_evidence_and_leaves_out_pending_data() {
        JsonNode dataset = JSON.readTree(export(ExportFormat.DATASET_JSON, ExportFilter.ALL, false));
        assertThat(dataset.path("project").path("id").asString()).isEqualTo(project.toString());
        assertThat(dataset.path("entities").size()).isEqualTo(3);
        assertThat(dataset.path("events").size()).isEqualTo(1);
        JsonNode e = dataset.path("events").get(0);
        assertThat(e.path("actors").get(0).path("name").asString()).isEqualTo("@HTS");
        assertThat(e.path("fatalities").path("claims").size()).isEqualTo(2);
        assertThat(e.path("evidence").get(0).path("exact").asString()).isEqualTo("entered Aleppo");
        assertThat(dataset.toString()).doesNotContain("Pending event").doesNotContain("Pending person");
        assertThat(dataset.path("annotations").size()).isEqualTo(3);
        dataset.path("annotations").forEach(a -> assertThat(a.path("target").path("selector").get(0).path("exact")
                .asString()).isNotEqualTo("12 were killed"));

        String lines = new String(export(ExportFormat.DATASET_JSONL, ExportFilter.ALL, false), StandardCharsets.UTF_8);
        assertThat(lines).endsWith("\n");
        var kinds = lines.lines().map(line -> JSON.readTree(line).path("record").asString()).toList();
        assertThat(kinds).containsExactly("project", "source", "entity", "entity", "entity", "event", "annotation",
                "annotation", "annotation");
    }

    @Test
    void the_timeline_is_in_timelinejs_format_with_user_text_escaped() {
        JsonNode timeline = JSON.readTree(export(ExportFormat.TIMELINE_JSON, ExportFilter.ALL, false));
        JsonNode slide = timeline.path("events").get(0);
        assertThat(timeline.path("events").size()).isEqualTo(1);
        assertThat(slide.path("start_date").path("year").asString()).isEqualTo("2024");
        assertThat(slide.path("start_date").path("month").asString()).isEqualTo("11");
        assertThat(slide.path("start_date").path("day").asString()).isEqualTo("30");
        assertThat(slide.path("text").path("headline").asString()).isEqualTo("Rebels enter Aleppo");
    }

    @Test
    void the_same_data_exported_twice_gives_the_same_bytes_and_the_bom_is_optional() {
        for (ExportFormat format : ExportFormat.values()) {
            assertThat(export(format, ExportFilter.ALL, false)).as(format.fileName())
                    .isEqualTo(export(format, ExportFilter.ALL, false));
        }
        byte[] withBom = export(ExportFormat.EVENTS_CSV, ExportFilter.ALL, true);
        byte[] without = export(ExportFormat.EVENTS_CSV, ExportFilter.ALL, false);
        assertThat(java.util.Arrays.copyOf(withBom, 3)).isEqualTo(CsvExport.BOM);
        assertThat(java.util.Arrays.copyOfRange(withBom, 3, withBom.length)).isEqualTo(without);
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
        assertThat(as(viewer, () -> exports.count(project, ExportFormat.ANNOTATIONS_JSONLD, ExportFilter.ALL))).isEqualTo(3);
        assertThatThrownBy(() -> new ExportFilter(LocalDate.of(2024, 12, 2), LocalDate.of(2024, 12, 1), null, null, null,
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("ends");
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
