package org.annals.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.annals.entity.PlaceLocation;
import org.annals.export.DatasetRows.Actor;
import org.annals.export.DatasetRows.EventRow;
import org.annals.export.DatasetRows.SourceRef;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events as GeoJSON (RFC 7946): one FeatureCollection, one Feature per vetted event in the export's order (start
 * date, then id), its id the event's, a Point at its place's location ([longitude, latitude], WGS 84, at most six
 * decimals: about 10 cm) or a null geometry for an event without a location (RFC 7946, 3.2), and its preferred
 * values as properties. No "crs" member (RFC 7946, 4) and nothing that changes between runs, so the same data gives
 * the same bytes.
 *
 * <p>Property values are plain text, never HTML. So that a file looked at in an editor or a terminal shows what it
 * holds, characters that are invisible or reorder what follows them are written as JSON escapes ({@code \u202e}):
 * control characters (C0, DEL, C1), bidirectional formatting characters and the line and paragraph separators.
 * A JSON reader gets the text back unchanged; nothing is lost.
 */
final class GeoJsonExport implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .characterEscapes(new VisibleEscapes()).build()).build();

    private final JsonGenerator json;

    GeoJsonExport(OutputStream out) {
        this.json = JSON.createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("type", "FeatureCollection");
        json.writeArrayPropertyStart("features");
    }

    void event(EventRow e) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", e.id().toString());
        PlaceLocation where = e.location();
        if (where == null) {
            json.writeNullProperty("geometry");
        } else {
            json.writeObjectPropertyStart("geometry");
            json.writeStringProperty("type", "Point");
            json.writeArrayPropertyStart("coordinates");
            json.writeNumber(coordinate(where.longitude()));
            json.writeNumber(coordinate(where.latitude()));
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeObjectPropertyStart("properties");
        json.writeStringProperty("title", e.title());
        json.writeStringProperty("start", ExportText.date(e.start(), e.startPrecision()));
        text("end", e.end() == null ? null : ExportText.date(e.end(), e.endPrecision()));
        json.writeStringProperty("date_precision", e.startPrecision().toLowerCase(Locale.ROOT));
        json.writeStringProperty("type", e.type());
        text("sub_type", e.subType());
        text("place", e.place());
        text("place_id", e.placeId() == null ? null : e.placeId().toString());
        text("precision", where == null ? null : ExportText.precision(where.precision()));
        if (where == null) {
            json.writeNullProperty("geo_precision");
        } else {
            json.writeNumberProperty("geo_precision", where.precision().acledCode());
        }
        text("located_by", where == null ? null : where.locatedByName());
        text("country", where == null ? null : where.country());
        text("admin1", where == null ? null : where.admin1());
        text("admin2", where == null ? null : where.admin2());
        json.writeArrayPropertyStart("actors");
        for (Actor a : e.actors()) {
            json.writeStartObject();
            json.writeStringProperty("name", a.name());
            json.writeStringProperty("role", a.role().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
        ExportText.Fatalities fatalities = ExportText.fatalities(e.claims());
        if (fatalities == null) {
            json.writeNullProperty("fatalities");
        } else {
            json.writeNumberProperty("fatalities", fatalities.best());
        }
        json.writeArrayPropertyStart("sources");
        for (SourceRef s : e.sources()) {
            json.writeStartObject();
            json.writeStringProperty("title", s.title());
            text("url", s.url());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Every feature has every property, null where there is no value: GIS tools build one table from them. */
    private void text(String name, @Nullable String value) {
        if (value == null) {
            json.writeNullProperty(name);
        } else {
            json.writeStringProperty(name, value);
        }
    }

    /** Six decimals at most (RFC 7946, 11.2: more is false precision), in plain notation, no trailing zeros. */
    static String coordinate(double degrees) {
        BigDecimal rounded = BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    void flush() {
        json.flush();
    }

    @Override
    public void close() {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    /**
     * JSON's own escapes, and {@code \\uXXXX} for characters a reader cannot see: DEL and the C1 controls (C0 are
     * escaped by JSON itself), the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A to U+202E,
     * U+2066 to U+2069), which reorder the text after them ("Trojan source"), and U+2028 and U+2029, which some
     * readers take for line breaks.
     */
    static final class VisibleEscapes extends CharacterEscapes {

        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII.clone();
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return invisible(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }

        static boolean invisible(int ch) {
            return ch == 0x7F || (ch >= 0x80 && ch <= 0x9F) || ch == 0x061C || ch == 0x200E || ch == 0x200F
                    || (ch >= 0x202A && ch <= 0x202E) || (ch >= 0x2066 && ch <= 0x2069) || ch == 0x2028
                    || ch == 0x2029;
        }
    }
}
