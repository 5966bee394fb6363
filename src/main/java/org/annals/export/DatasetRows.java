package org.annals.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.annals.event.EventClaim;
import org.annals.entity.GeoPrecision;
import org.annals.entity.PlaceLocation;
import org.annals.event.EventClaims;
import org.jspecify.annotations.Nullable;

/** The rows exports are written from: plain values, read in batches, never entities of the session. */
final class DatasetRows {

    private DatasetRows() {
    }

    record SourceRef(UUID id, String title, @Nullable String url, @Nullable String licence, @Nullable String publisher,
            @Nullable String author) {
    }

    /**
     * A source with everything a dataset carries about it: its metadata and the frozen text that every offset of
     * its annotations counts in.
     */
    record SourceRow(SourceRef ref, @Nullable LocalDate publishedOn, @Nullable LocalDate retrievedOn,
            @Nullable String language, String textSha256, String text, @Nullable CaptureRow capture) {
    }

    /** Where a source's original came from and its fingerprint (issue 19; the bytes stay in Annals). */
    record CaptureRow(String kind, @Nullable String fileName, @Nullable String requestedUrl, @Nullable String finalUrl,
            @Nullable Integer httpStatus, @Nullable String contentType, java.time.Instant retrievedAt, String sha256,
            long size) {
    }

    record Actor(UUID entityId, String name, String role) {
    }

    /**
     * One claim of an event with the names it refers to resolved: its type's and sub-type's names, its place's,
     * its actors', its source, and the exact quote of its annotation.
     *
     * @param value the value as people read it ({@link EventClaims#valueText})
     */
    record Claim(EventClaim claim, String value, @Nullable String type, @Nullable String subType,
            @Nullable String place, List<Actor> actors, @Nullable SourceRef source, @Nullable String quote) {

        /** What the claim is about, as the exports write it: "date", "casualties". */
        String field() {
            return claim.field().inSentence();
        }
    }

    /** @param pages the pages of a paged source (a PDF) the quote stands on; null for other sources */
    record Evidence(UUID annotationId, UUID sourceId, int start, int end, String exact, String type,
            @Nullable PageSpan pages) {
    }

    /** The pages of a paged source (a PDF) a quote stands on, from 1 as the file counts them. */
    record PageSpan(int first, int last) {

        /** "12", or "12–13" for a quote over a page break (an en dash: spreadsheets take "12-13" for a date). */
        String cell() {
            return first == last ? Integer.toString(first) : first + "–" + last;
        }
    }

    /** Who approved the record's last change, when, and how many approved changes it has had. */
    record Approval(@Nullable String approvedBy, @Nullable Instant approvedAt, int revision) {
        static final Approval NONE = new Approval(null, null, 0);
    }

    /**
     * An event with its preferred values (its place located by {@link org.annals.entity.PlaceLocator}'s rules: its
     * own coordinates or an ancestor's, with the precision and administrative areas that go with them) in its own fields and every claim, of every field, in {@code claims}
     * (in the event's order: by field, then as entered).
     */
    record EventRow(UUID id, String title, LocalDate start, String startPrecision, @Nullable LocalDate end,
            @Nullable String endPrecision, String type, @Nullable String subType, @Nullable UUID placeId,
            @Nullable String place, @Nullable String adminArea, @Nullable PlaceLocation location,
            List<Actor> actors, List<Claim> claims, List<SourceRef> sources, List<Evidence> evidence,
            @Nullable String notes, List<String> tags, @Nullable UUID parentId, Approval approval) {

        /** The latitude of the event's place, or of the nearest ancestor of it that has coordinates. */
        @Nullable Double latitude() {
            return location == null ? null : location.latitude();
        }

        @Nullable Double longitude() {
            return location == null ? null : location.longitude();
        }

        /** Where the sources disagree, field by field (kind of count by kind of count, for casualties). */
        List<EventClaims.Dispute> disputes() {
            return EventClaims.disputes(claims.stream().map(Claim::claim).toList());
        }
    }

    /** Another name of an entity, with its language when it has one. */
    record AliasRow(String name, @Nullable String language) {
    }

    /** @param precision what the coordinates stand for; null when the place has none (or is no place) */
    record EntityRow(UUID id, String kind, String name, List<AliasRow> aliases, @Nullable String wikidataId,
            @Nullable Double latitude, @Nullable Double longitude, @Nullable GeoPrecision precision,
            @Nullable UUID partOfId, @Nullable String partOf,
            @Nullable String description, List<UUID> redirects, Approval approval) {
    }

    /**
     * A claim that an annotation's quote backs (decision 0030): the W3C export names it in the annotation's body.
     */
    record ClaimLink(UUID claimId, UUID eventId, String eventTitle, String field) {
    }

    /**
     * An annotation; {@code start} and {@code end} count UTF-16 code units of the source's frozen text (as stored),
     * {@code pointStart} and {@code pointEnd} the same span in Unicode code points (as the W3C model counts);
     * {@code pages} the pages of a paged source (a PDF) the quote stands on, null for other sources.
     */
    record AnnotationRow(UUID id, SourceRef source, int start, int end, int pointStart, int pointEnd, String exact,
            String prefix, String suffix, String type, @Nullable String linkKind, @Nullable UUID linkId,
            @Nullable String linkName, List<ClaimLink> claims, Approval approval, @Nullable PageSpan pages) {
    }
}
