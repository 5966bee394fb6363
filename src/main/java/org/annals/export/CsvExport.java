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

    static final List<String> EVENT_COLUMNS = List.of("event_id", "title", "event_date", "date_precision", "end_date",
            "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location",
            "admin_area", "latitude", "longitude", "fatalities", "fatalities_min", "fatalities_max", "sources",
            "supporting_annotations", "notes", "tags", "last_approved_by", "approved_at", "revision");
    static final List<String> ENTITY_COLUMNS = List.of("entity_id", "kind", "name", "aliases", "wikidata_id",
            "latitude", "longitude", "part_of", "description", "redirects");
    static final List<String> ANNOTATION_COLUMNS = List.of("annotation_id", "source_id", "source_title", "source_url",
            "start", "end", "exact", "prefix", "suffix", "type", "linked_kind", "linked_id", "linked_name", "approved_by",
            "approved_at");

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
            Integer best = ExportText.bestEstimate(e.claims());
            cells.add(best == null ? "" : best.toString());
            cells.add(e.claims().isEmpty() ? "" : Integer.toString(e.claims().stream().mapToInt(Claim::minimum).min().orElse(0)));
            cells.add(e.claims().isEmpty() ? "" : Integer.toString(e.claims().stream().mapToInt(Claim::maximum).max().orElse(0)));
            cells.add(text(e.sources().stream().map(s -> s.url() == null ? s.title() : s.title() + " <" + s.url() + ">")
                    .collect(Collectors.joining(" | "))));
            cells.add(Integer.toString(e.evidence().size()));
            cells.add(text(e.notes()));
            cells.add(text(String.join("; ", e.tags())));
            approval(cells, e.approval());
            cells.add(Integer.toString(e.approval().revision()));
            csv.writeRecord(cells);
        }
    }

    void entities(List<DatasetRows.EntityRow> rows) {
        for (DatasetRows.EntityRow e : rows) {
            csv.writeRecord(e.id().toString(), e.kind().toLowerCase(Locale.ROOT), text(e.name()),
                    text(String.join("; ", e.aliases())), text(e.wikidataId()), number(e.latitude()), number(e.longitude()),
                    text(e.partOf()), text(e.description()),
                    e.redirects().stream().map(UUID::toString).collect(Collectors.joining("; ")));
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
        return actors.stream().filter(a -> a.role().equals(role)).map(Actor::name).collect(Collectors.joining("; "));
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
