package org.annals.export;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.annals.entity.PlaceLocation;
import org.annals.event.Casualties;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.EventClaims;
import org.annals.event.PartialDate;
import org.annals.export.DatasetRows.Actor;
import org.annals.export.DatasetRows.AliasRow;
import org.annals.export.DatasetRows.AnnotationRow;
import org.annals.export.DatasetRows.Approval;
import org.annals.export.DatasetRows.Claim;
import org.annals.export.DatasetRows.ClaimLink;
import org.annals.export.DatasetRows.EntityRow;
import org.annals.export.DatasetRows.EventRow;
import org.annals.export.DatasetRows.Evidence;
import org.annals.export.DatasetRows.SourceRef;
import org.annals.export.DatasetRows.SourceRow;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON files, written with Jackson's streaming generator one record at a time: the whole dataset
 * (JSON and JSON Lines), annotations as W3C Web Annotations (JSON-LD), the timeline for TimelineJS.
 * Objects are written field by field in a fixed order, so equal data gives equal bytes.
 */
final class JsonExport implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** JSON Lines: root values separated by a line break instead of Jackson's default space. */
    private static final JsonMapper LINES = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .rootValueSeparator("\n").build()).build();

    private final JsonGenerator json;
    private final boolean lines;
    private final OutputStream out;

    JsonExport(OutputStream out, boolean lines) {
        this.out = out;
        this.lines = lines;
        this.json = (lines ? LINES : JSON).createGenerator(out);
    }

    JsonGenerator generator() {
        return json;
    }

    /** In JSON Lines every record is a line of its own, its kind in "record" (events have a "type" of their own). */
    void startLine(String kind) {
        json.writeStartObject();
        json.writeStringProperty("record", kind);
    }

    void endLine() {
        json.writeEndObject();
    }

    /**
     * A source with its frozen text: the offsets of its annotations count in {@code text} (UTF-16 code units, as
     * JavaScript and Java index strings; the W3C selectors count code points of the same text).
     */
    void source(SourceRow row) {
        SourceRef s = row.ref();
        json.writeStringProperty("id", s.id().toString());
        json.writeStringProperty("title", s.title());
        nullable("url", s.url());
        nullable("author", s.author());
        nullable("publisher", s.publisher());
        nullable("publishedOn", row.publishedOn());
        nullable("retrievedOn", row.retrievedOn());
        nullable("language", row.language());
        nullable("licence", s.licence());
        json.writeStringProperty("textSha256", row.textSha256());
        json.writeNumberProperty("textLength", row.text().length());
        json.writeStringProperty("text", row.text());
        var capture = row.capture();
        if (capture != null) {
            json.writeObjectPropertyStart("capture");
            json.writeStringProperty("kind", capture.kind().toLowerCase(Locale.ROOT));
            nullable("fileName", capture.fileName());
            nullable("requestedUrl", capture.requestedUrl());
            nullable("finalUrl", capture.finalUrl());
            if (capture.httpStatus() != null) {
                json.writeNumberProperty("httpStatus", capture.httpStatus());
            }
            nullable("contentType", capture.contentType());
            json.writeStringProperty("retrievedAt", ExportText.instant(capture.retrievedAt()));
            json.writeStringProperty("sha256", capture.sha256());
            json.writeNumberProperty("size", capture.size());
            json.writeEndObject();
        }
    }

    void entity(EntityRow e) {
        json.writeStringProperty("id", e.id().toString());
        json.writeStringProperty("kind", e.kind().toLowerCase(Locale.ROOT));
        json.writeStringProperty("name", e.name());
        json.writeArrayPropertyStart("aliases");
        for (AliasRow alias : e.aliases()) {
            json.writeStartObject();
            json.writeStringProperty("name", alias.name());
            nullable("language", alias.language());
            json.writeEndObject();
        }
        json.writeEndArray();
        nullable("wikidataId", e.wikidataId());
        if (e.latitude() != null && e.longitude() != null) {
            json.writeNumberProperty("latitude", e.latitude());
            json.writeNumberProperty("longitude", e.longitude());
        }
        if (e.precision() != null) {
            json.writeStringProperty("precision", ExportText.precision(e.precision()));
        }
        nullable("partOf", e.partOfId());
        nullable("partOfName", e.partOf());
        nullable("description", e.description());
        json.writeArrayPropertyStart("redirects");
        e.redirects().forEach(id -> json.writeString(id.toString()));
        json.writeEndArray();
        approval(e.approval());
    }

    void event(EventRow e) {
        json.writeStringProperty("id", e.id().toString());
        json.writeStringProperty("title", e.title());
        json.writeObjectPropertyStart("start");
        json.writeStringProperty("date", ExportText.date(e.start(), e.startPrecision()));
        json.writeStringProperty("precision", e.startPrecision().toLowerCase(Locale.ROOT));
        json.writeEndObject();
        if (e.end() != null) {
            json.writeObjectPropertyStart("end");
            json.writeStringProperty("date", ExportText.date(e.end(), e.endPrecision()));
            json.writeStringProperty("precision", e.endPrecision() == null ? "day" : e.endPrecision().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeStringProperty("type", e.type());
        nullable("subType", e.subType());
        if (e.placeId() != null) {
            json.writeObjectPropertyStart("place");
            json.writeStringProperty("id", e.placeId().toString());
            nullable("name", e.place());
            nullable("adminArea", e.adminArea());
            PlaceLocation where = e.location();
            if (where != null && !where.inherited()) {
                json.writeNumberProperty("latitude", where.latitude());
                json.writeNumberProperty("longitude", where.longitude());
            }
            json.writeEndObject();
        }
        if (e.location() != null) {
            location(e.location());
        }
        actors(e.actors());
        json.writeObjectPropertyStart("fatalities");
        ExportText.Fatalities fatalities = ExportText.fatalities(e.claims());
        if (fatalities != null) {
            json.writeNumberProperty("best", fatalities.best());
            json.writeNumberProperty("minimum", fatalities.minimum());
            json.writeNumberProperty("maximum", fatalities.maximum());
        }
        json.writeEndObject();
        List<EventClaims.Dispute> disputes = e.disputes();
        json.writeArrayPropertyStart("contestedFields");
        disputes.stream().map(d -> d.field().inSentence()).distinct().forEach(json::writeString);
        json.writeEndArray();
        json.writeArrayPropertyStart("claims");
        e.claims().forEach(this::claim);
        json.writeEndArray();
        json.writeArrayPropertyStart("disputes");
        for (EventClaims.Dispute d : disputes) {
            json.writeStartObject();
            json.writeStringProperty("field", d.field().inSentence());
            if (d.group() != null) {
                json.writeStringProperty("category", d.group().category().name().toLowerCase(Locale.ROOT));
                json.writeStringProperty("party", d.group().party().name().toLowerCase(Locale.ROOT));
            }
            json.writeStringProperty("text", d.display(disputedValue(e)));
            json.writeArrayPropertyStart("claimIds");
            e.claims().stream().map(Claim::claim).filter(c -> c.competition().equals(d.values().getFirst().competition()))
                    .sorted(java.util.Comparator.comparing((EventClaim c) -> !c.preferred()))
                    .forEach(c -> json.writeString(String.valueOf(c.id())));
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("evidence");
        for (Evidence ev : e.evidence()) {
            json.writeStartObject();
            json.writeStringProperty("annotationId", ev.annotationId().toString());
            json.writeStringProperty("sourceId", ev.sourceId().toString());
            json.writeNumberProperty("start", ev.start());
            json.writeNumberProperty("end", ev.end());
            json.writeStringProperty("exact", ev.exact());
            json.writeStringProperty("type", ev.type().toLowerCase(Locale.ROOT));
            pages(ev.pages());
            json.writeEndObject();
        }
        json.writeEndArray();
        nullable("notes", e.notes());
        json.writeArrayPropertyStart("tags");
        e.tags().forEach(json::writeString);
        json.writeEndArray();
        nullable("parentId", e.parentId());
        approval(e.approval());
    }

    /** Where the event's place lies, by the locator's rules: its own coordinates or its nearest located ancestor's. */
    private void location(PlaceLocation where) {
        json.writeObjectPropertyStart("location");
        json.writeNumberProperty("latitude", where.latitude());
        json.writeNumberProperty("longitude", where.longitude());
        json.writeStringProperty("precision", ExportText.precision(where.precision()));
        json.writeNumberProperty("geoPrecision", where.precision().acledCode());
        if (where.locatedBy() != null) {
            json.writeObjectPropertyStart("locatedBy");
            json.writeStringProperty("id", where.locatedBy().toString());
            json.writeStringProperty("name", String.valueOf(where.locatedByName()));
            json.writeEndObject();
        }
        nullable("country", where.country());
        nullable("admin1", where.admin1());
        nullable("admin2", where.admin2());
        json.writeEndObject();
    }

    /** One claim with all its parts; only the value of its own field is written. */
    private void claim(Claim c) {
        EventClaim claim = c.claim();
        json.writeStartObject();
        json.writeStringProperty("id", String.valueOf(claim.id()));
        json.writeStringProperty("field", c.field());
        json.writeBooleanProperty("preferred", claim.preferred());
        json.writeStringProperty("value", c.value());
        if (claim.start() != null) {
            partialDate("start", claim.start());
        }
        if (claim.end() != null) {
            partialDate("end", claim.end());
        }
        if (claim.placeId() != null) {
            json.writeObjectPropertyStart("place");
            json.writeStringProperty("id", claim.placeId().toString());
            nullable("name", c.place());
            json.writeEndObject();
        }
        nullable("type", c.type());
        nullable("subType", c.subType());
        if (claim.field() == ClaimField.ACTORS) {
            actors(c.actors());
        }
        Casualties figure = claim.casualties();
        if (figure != null) {
            json.writeObjectPropertyStart("casualties");
            json.writeStringProperty("category", figure.category().name().toLowerCase(Locale.ROOT));
            json.writeStringProperty("party", figure.party().name().toLowerCase(Locale.ROOT));
            json.writeNumberProperty("minimum", figure.minimum());
            json.writeNumberProperty("maximum", figure.maximum());
            json.writeStringProperty("qualifier", figure.qualifier().name().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        nullable("reason", claim.reason());
        nullable("note", claim.note());
        if (c.source() != null) {
            json.writeObjectPropertyStart("source");
            json.writeStringProperty("id", c.source().id().toString());
            json.writeStringProperty("title", c.source().title());
            nullable("url", c.source().url());
            json.writeEndObject();
        }
        nullable("annotationId", claim.annotationId());
        nullable("quote", c.quote());
        json.writeEndObject();
    }

    private void partialDate(String name, PartialDate date) {
        json.writeObjectPropertyStart(name);
        json.writeStringProperty("date", ExportText.date(date.date(), date.precision().name()));
        json.writeStringProperty("precision", date.precision().name().toLowerCase(Locale.ROOT));
        if (date.time() != null) {
            json.writeStringProperty("time", date.time().toString());
        }
        json.writeEndObject();
    }

    private void actors(List<Actor> actors) {
        json.writeArrayPropertyStart("actors");
        for (Actor a : actors) {
            json.writeStartObject();
            json.writeStringProperty("entityId", a.entityId().toString());
            json.writeStringProperty("name", a.name());
            json.writeStringProperty("role", a.role().toLowerCase(Locale.ROOT));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * How a disputed value is written: its value and every source giving it, "1 December 2024 (Second report)";
     * "(no source)" for a value entered without one.
     */
    static Function<EventClaim, String> disputedValue(EventRow e) {
        return value -> {
            List<String> sources = e.claims().stream()
                    .filter(c -> c.claim().competition().equals(value.competition()) && c.claim().sameValue(value))
                    .map(c -> c.source() == null ? "no source" : c.source().title()).distinct().toList();
            String text = e.claims().stream().filter(c -> c.claim() == value).map(Claim::value).findFirst().orElse("");
            return text + " (" + String.join(", ", sources) + ")";
        };
    }

    /**
     * One W3C Web Annotation: the target is the source's frozen text, selected by quote and by
     * position (both select the same span; the position counts Unicode code points of that text, as the
     * Recommendation defines characters, where Annals stores UTF-16 code units); the bodies are the
     * annotation type as a tag, the linked record (identifying what the span mentions) and the claims
     * the quote backs (describing).
     */
    void webAnnotation(AnnotationRow a) {
        json.writeStartObject();
        json.writeStringProperty("id", "urn:uuid:" + a.id());
        json.writeStringProperty("type", "Annotation");
        json.writeStringProperty("motivation", a.linkId() == null ? "tagging" : "identifying");
        // Annals' own term, only for quotes of paged sources (PDFs): the page to cite. The model lets annotations
        // carry more properties than it defines, so consumers that do not know it pass it by.
        pages(a.pages());
        if (a.approval().approvedAt() != null) {
            json.writeStringProperty("modified", ExportText.instant(a.approval().approvedAt()));
        }
        json.writeArrayPropertyStart("body");
        json.writeStartObject();
        json.writeStringProperty("type", "TextualBody");
        json.writeStringProperty("purpose", "tagging");
        json.writeStringProperty("value", a.type().toLowerCase(Locale.ROOT).replace('_', ' '));
        json.writeEndObject();
        if (a.linkId() != null) {
            json.writeStartObject();
            json.writeStringProperty("type", "SpecificResource");
            json.writeStringProperty("purpose", "identifying");
            json.writeStringProperty("source", "urn:uuid:" + a.linkId());
            if (a.linkName() != null) {
                json.writeStringProperty("label", a.linkName());
            }
            json.writeEndObject();
        }
        // A quote that backs claims describes them: each claim is a body naming the claim (source) and the event it
        // is about (scope, the model's "context in which the resource is used").
        for (ClaimLink claim : a.claims()) {
            json.writeStartObject();
            json.writeStringProperty("type", "SpecificResource");
            json.writeStringProperty("purpose", "describing");
            json.writeStringProperty("source", "urn:uuid:" + claim.claimId());
            json.writeStringProperty("scope", "urn:uuid:" + claim.eventId());
            json.writeStringProperty("label", claim.field() + " claim of " + claim.eventTitle());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectPropertyStart("target");
        json.writeStringProperty("type", "SpecificResource");
        json.writeStringProperty("source", "urn:uuid:" + a.source().id());
        json.writeArrayPropertyStart("selector");
        json.writeStartObject();
        json.writeStringProperty("type", "TextQuoteSelector");
        json.writeStringProperty("exact", a.exact());
        json.writeStringProperty("prefix", a.prefix());
        json.writeStringProperty("suffix", a.suffix());
        json.writeEndObject();
        json.writeStartObject();
        json.writeStringProperty("type", "TextPositionSelector");
        json.writeNumberProperty("start", a.pointStart());
        json.writeNumberProperty("end", a.pointEnd());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** One slide of TimelineJS; its text fields are HTML there, so user text is escaped. */
    void timelineEvent(EventRow e) {
        json.writeStartObject();
        json.writeStringProperty("unique_id", e.id().toString());
        timelineDate("start_date", e.start(), e.startPrecision());
        if (e.end() != null) {
            timelineDate("end_date", e.end(), e.endPrecision());
        }
        json.writeObjectPropertyStart("text");
        json.writeStringProperty("headline", html(e.title()));
        var text = new StringBuilder();
        if (e.place() != null) {
            text.append("<p>").append(html(e.place())).append("</p>");
        }
        // Where sources disagree: "date disputed: 30 November 2024 (Report) or 1 December 2024 (Second report)".
        for (EventClaims.Dispute dispute : e.disputes()) {
            text.append("<p>").append(html(dispute.display(disputedValue(e)))).append("</p>");
        }
        if (e.notes() != null) {
            text.append("<p>").append(html(e.notes())).append("</p>");
        }
        json.writeStringProperty("text", text.toString());
        json.writeEndObject();
        json.writeStringProperty("group", html(e.type()));
        json.writeEndObject();
    }

    private void timelineDate(String name, java.time.LocalDate date, @Nullable String precision) {
        json.writeObjectPropertyStart(name);
        json.writeStringProperty("year", Integer.toString(date.getYear()));
        if (!"YEAR".equals(precision)) {
            json.writeStringProperty("month", Integer.toString(date.getMonthValue()));
        }
        if (precision == null || "DAY".equals(precision) || "APPROXIMATE".equals(precision)) {
            json.writeStringProperty("day", Integer.toString(date.getDayOfMonth()));
        }
        if ("APPROXIMATE".equals(precision)) {
            json.writeStringProperty("display_date", "about " + date);
        }
        json.writeEndObject();
    }

    static String html(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** "page": the page a quote of a PDF starts on, and "lastPage" when it runs onto later pages; nothing otherwise. */
    private void pages(DatasetRows.@Nullable PageSpan pages) {
        if (pages != null) {
            json.writeNumberProperty("page", pages.first());
            if (pages.last() != pages.first()) {
                json.writeNumberProperty("lastPage", pages.last());
            }
        }
    }

    private void approval(Approval approval) {
        json.writeObjectPropertyStart("approval");
        nullable("by", approval.approvedBy());
        if (approval.approvedAt() != null) {
            json.writeStringProperty("at", ExportText.instant(approval.approvedAt()));
        }
        json.writeNumberProperty("revision", approval.revision());
        json.writeEndObject();
    }

    private void nullable(String name, @Nullable Object value) {
        if (value != null) {
            json.writeStringProperty(name, value instanceof UUID id ? id.toString() : value.toString());
        }
    }

    void flush() {
        json.flush();
    }

    /** Flushes; JSON Lines end with a line break like every line before. */
    @Override
    public void close() {
        json.flush();
        if (lines) {
            try {
                out.write('\n');
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
