package org.annals.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.annals.entity.PlaceLocation;
import org.annals.event.Casualties;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.export.DatasetRows.Actor;
import org.annals.export.DatasetRows.Approval;
import org.annals.export.DatasetRows.Claim;
import org.annals.export.DatasetRows.EventRow;
import org.jspecify.annotations.Nullable;

/**
 * The CSV files: RFC 4180 (comma, double quotes where needed, CRLF), UTF-8 with an optional byte
 * order mark for spreadsheets that need one. A text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe; numbers this export
 * writes itself (coordinates can be negative) stay numbers.
 */
final class CsvExport {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");

    /**
     * ACLED-like columns first; the location's columns (issue 20) come last so that readers that count columns keep
     * working: latitude and longitude are the place's or its nearest located ancestor's, {@code geo_precision}
     * ACLED's code (1-3), {@code location_precision} Annals' word for it, {@code located_by} the ancestor whose
     * coordinates stand in, {@code country}, {@code admin1} and {@code admin2} the administrative areas above.
     */
    static final List<String> EVENT_COLUMNS = List.of("event_id", "title", "event_date", "date_precision", "end_date",
            "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
            "admin_area", "latitude", "longitude", "fatalities", "fatalities_min", "fatalities_max", "sources",
            "supporting_annotations", "notes", "tags", "last_approved_by", "approved_at", "revision",
            "contested_fields", "date_alternatives", "place_alternatives", "type_alternatives", "actors_alternatives",
            "casualties_alternatives", "geo_precision", "location_precision", "located_by", "country", "admin1",
            "admin2");
    /** One row per claim: who says what about which field of which event. */
    static final List<String> CLAIM_COLUMNS = List.of("claim_id", "event_id", "event_title", "field", "preferred",
            "disputed", "value", "date", "date_precision", "time", "end_date", "end_precision", "end_time", "place_id",
            "place", "event_type", "sub_event_type", "actors", "actor_ids", "category", "party", "minimum", "maximum",
            "qualifier", "reason", "note", "source_id", "source_title", "source_url", "quote", "annotation_id");
    static final List<String> ENTITY_COLUMNS = List.of("entity_id", "kind", "name", "aliases", "wikidata_id",
            "latitude", "longitude", "part_of", "description", "redirects", "part_of_id", "precision");
    static final List<String> ANNOTATION_COLUMNS = List.of("annotation_id", "source_id", "source_title", "source_url",
            "start", "end", "exact", "prefix", "suffix", "type", "linked_kind", "linked_id", "linked_name", "approved_by",
            "approved_at", "claim_ids", "page");

    private final CsvWriter csv;

    CsvExport(OutputStream out, boolean bom) throws IOException {
        if (bom) {
            out.write(BOM);
        }
        // FastCSV closes what it writes to; the caller owns the stream.
        var unclosable = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        this.csv = CsvWriter.builder().fieldSeparator(',').quoteCharacter('"').quoteStrategy(QuoteStrategies.REQUIRED)
                .lineDelimiter(LineDelimiter.CRLF).build(unclosable, StandardCharsets.UTF_8);
    }

    void header(List<String> columns) {
        csv.writeRecord(columns);
    }

    void events(List<EventRow> rows) {
        for (EventRow e : rows) {
            var cells = new ArrayList<String>(EVENT_COLUMNS.size());
            cells.add(e.id().toString());
            cells.add(text(e.title()));
            cells.add(ExportText.date(e.start(), e.startPrecision()));
            cells.add(e.startPrecision().toLowerCase(Locale.ROOT));
            cells.add(e.end() == null ? "" : ExportText.date(e.end(), e.endPrecision()));
            cells.add(text(e.type()));
            cells.add(text(e.subType()));
            cells.add(text(actors(e.actors(), "PRIMARY")));
            cells.add(text(actors(e.actors(), "ASSOCIATED")));
            cells.add(text(actors(e.actors(), "OPPOSING")));
            cells.add(text(actors(e.actors(), "TARGET")));
            cells.add(text(e.place()));
            cells.add(text(e.adminArea()));
            cells.add(number(e.latitude()));
            cells.add(number(e.longitude()));
            ExportText.Fatalities fatalities = ExportText.fatalities(e.claims());
            cells.add(fatalities == null ? "" : Integer.toString(fatalities.best()));
            cells.add(fatalities == null ? "" : Integer.toString(fatalities.minimum()));
            cells.add(fatalities == null ? "" : Integer.toString(fatalities.maximum()));
            cells.add(text(e.sources().stream().map(s -> s.url() == null ? s.title() : s.title() + " <" + s.url() + ">")
                    .collect(Collectors.joining(" | "))));
            cells.add(Integer.toString(e.evidence().size()));
            cells.add(text(e.notes()));
            cells.add(text(ExportText.list(e.tags())));
            approval(cells, e.approval());
            cells.add(Integer.toString(e.approval().revision()));
            cells.add(e.disputes().stream().map(d -> d.field().inSentence()).distinct()
                    .collect(Collectors.joining(ExportText.LIST_SEPARATOR)));
            for (ClaimField field : ClaimField.values()) {
                cells.add(text(alternatives(e.claims(), field)));
            }
            PlaceLocation where = e.location();
            cells.add(where == null ? "" : Integer.toString(where.precision().acledCode()));
            cells.add(where == null ? "" : ExportText.precision(where.precision()));
            cells.add(where == null ? "" : text(where.locatedByName()));
            cells.add(where == null ? "" : text(where.country()));
            cells.add(where == null ? "" : text(where.admin1()));
            cells.add(where == null ? "" : text(where.admin2()));
            csv.writeRecord(cells);
        }
    }

    /**
     * The values of a field that sources give besides the preferred one, each with its source: "2024-12-01
     * (Second report); 2024-11-29". Claims that agree with the preferred value are not alternatives.
     */
    private static String alternatives(List<Claim> claims, ClaimField field) {
        List<Claim> ofField = claims.stream().filter(c -> c.claim().field() == field).toList();
        List<EventClaim> preferred = ofField.stream().map(Claim::claim).filter(EventClaim::preferred).toList();
        return ofField.stream()
                .filter(c -> !c.claim().preferred() && preferred.stream().noneMatch(p ->
                        p.competition().equals(c.claim().competition()) && p.sameValue(c.claim())))
                .map(c -> ExportText.qualified(machineValue(c), c.source() == null ? null : c.source().title()))
                .collect(Collectors.joining(ExportText.LIST_SEPARATOR));
    }

    /** A claim's value in one cell: ISO dates with their precision, names, "at least 12 civilians killed". */
    private static String machineValue(Claim c) {
        EventClaim claim = c.claim();
        return claim.field() == ClaimField.DATE && claim.start() != null ? ExportText.dateRange(claim.start(), claim.end())
                : c.value();
    }

    /** One row per claim of each event, in the events' order and each event's own. */
    void claims(List<ClaimLine> lines) {
        for (ClaimLine line : lines) {
            EventRow e = line.event();
            Claim c = line.claim();
            EventClaim claim = c.claim();
            var cells = new ArrayList<String>(CLAIM_COLUMNS.size());
            cells.add(String.valueOf(claim.id()));
            cells.add(e.id().toString());
            cells.add(text(e.title()));
            cells.add(c.field());
            cells.add(Boolean.toString(claim.preferred()));
            cells.add(Boolean.toString(line.disputed()));
            cells.add(text(machineValue(c)));
            partialDate(cells, claim.start());
            partialDate(cells, claim.end());
            cells.add(claim.placeId() == null ? "" : claim.placeId().toString());
            cells.add(text(c.place()));
            cells.add(text(c.type()));
            cells.add(text(c.subType()));
            cells.add(text(ExportText.list(c.actors().stream()
                    .map(a -> a.role().toLowerCase(Locale.ROOT) + ": " + a.name()).toList())));
            cells.add(ExportText.list(c.actors().stream()
                    .map(a -> a.role().toLowerCase(Locale.ROOT) + ": " + a.entityId()).toList()));
            Casualties figure = claim.casualties();
            cells.add(figure == null ? "" : figure.category().name().toLowerCase(Locale.ROOT));
            cells.add(figure == null ? "" : figure.party().name().toLowerCase(Locale.ROOT));
            cells.add(figure == null ? "" : Integer.toString(figure.minimum()));
            cells.add(figure == null ? "" : Integer.toString(figure.maximum()));
            cells.add(figure == null ? "" : figure.qualifier().name().toLowerCase(Locale.ROOT));
            cells.add(text(claim.reason()));
            cells.add(text(claim.note()));
            cells.add(c.source() == null ? "" : c.source().id().toString());
            cells.add(c.source() == null ? "" : text(c.source().title()));
            cells.add(c.source() == null ? "" : text(c.source().url()));
            cells.add(text(c.quote()));
            cells.add(claim.annotationId() == null ? "" : claim.annotationId().toString());
            csv.writeRecord(cells);
        }
    }

    /** A claim with its event, and whether the sources disagree on what it is about. */
    record ClaimLine(EventRow event, Claim claim, boolean disputed) {

        /** The claims of a batch of events, one line each. */
        static List<ClaimLine> of(List<EventRow> events) {
            var lines = new ArrayList<ClaimLine>();
            for (EventRow e : events) {
                var disputed = new java.util.HashSet<Object>();
                e.disputes().forEach(d -> d.values().forEach(v -> disputed.add(v.competition())));
                e.claims().forEach(c -> lines.add(new ClaimLine(e, c, disputed.contains(c.claim().competition()))));
            }
            return lines;
        }
    }

    /** A date's cells: the date as precise as known, its precision, its time of day. */
    private static void partialDate(List<String> cells, @Nullable PartialDate date) {
        cells.add(date == null ? "" : ExportText.date(date.date(), date.precision().name()));
        cells.add(date == null ? "" : date.precision().name().toLowerCase(Locale.ROOT));
        cells.add(date == null || date.time() == null ? "" : date.time().toString());
    }

    void entities(List<DatasetRows.EntityRow> rows) {
        for (DatasetRows.EntityRow e : rows) {
            csv.writeRecord(e.id().toString(), e.kind().toLowerCase(Locale.ROOT), text(e.name()),
                    text(e.aliases().stream().map(a -> ExportText.qualified(a.name(), a.language()))
                            .collect(Collectors.joining(ExportText.LIST_SEPARATOR))),
                    text(e.wikidataId()), number(e.latitude()), number(e.longitude()), text(e.partOf()),
                    text(e.description()), e.redirects().stream().map(UUID::toString)
                            .collect(Collectors.joining(ExportText.LIST_SEPARATOR)),
                    e.partOfId() == null ? "" : e.partOfId().toString(),
                    e.precision() == null ? "" : ExportText.precision(e.precision()));
        }
    }

    void annotations(List<DatasetRows.AnnotationRow> rows) {
        for (DatasetRows.AnnotationRow a : rows) {
            var cells = new ArrayList<String>(ANNOTATION_COLUMNS.size());
            cells.add(a.id().toString());
            cells.add(a.source().id().toString());
            cells.add(text(a.source().title()));
            cells.add(text(a.source().url()));
            cells.add(Integer.toString(a.start()));
            cells.add(Integer.toString(a.end()));
            cells.add(text(a.exact()));
            cells.add(text(a.prefix()));
            cells.add(text(a.suffix()));
            cells.add(a.type().toLowerCase(Locale.ROOT));
            cells.add(a.linkKind() == null ? "" : a.linkKind().toLowerCase(Locale.ROOT));
            cells.add(a.linkId() == null ? "" : a.linkId().toString());
            cells.add(text(a.linkName()));
            approval(cells, a.approval());
            cells.add(a.claims().stream().map(c -> c.claimId().toString()).collect(Collectors.joining(ExportText.LIST_SEPARATOR)));
            // The page of a PDF source the quote stands on, for citing it; empty for sources without pages.
            cells.add(a.pages() == null ? "" : a.pages().cell());
            csv.writeRecord(cells);
        }
    }

    void flush() throws IOException {
        csv.flush();
    }

    private static void approval(List<String> cells, Approval approval) {
        cells.add(text(approval.approvedBy()));
        Instant at = approval.approvedAt();
        cells.add(at == null ? "" : ExportText.instant(at));
    }

    private static String actors(List<Actor> actors, String role) {
        return ExportText.list(actors.stream().filter(a -> a.role().equals(role)).map(Actor::name).toList());
    }

    private static String number(@Nullable Double value) {
        return value == null ? "" : BigDecimalText.of(value);
    }

    /** User text, neutralised where a spreadsheet would take it for a formula. */
    static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /** Plain decimal notation for coordinates: no exponent, no locale, the same text for the same value. */
    static final class BigDecimalText {
        private BigDecimalText() {
        }

        static String of(double value) {
            return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }
}
