package org.annals.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link EventClaim} is stored: one row of {@code event_claim}, the value in the columns of its field.
 * The actors a claim names are one column ({@link StoredActors}).
 */
@Embeddable
class ClaimRow {

    @Column(name = "claim_id", nullable = false)
    private UUID claimId;
    @Enumerated(EnumType.STRING)
    @Column(name = "field", nullable = false, length = 12)
    private ClaimField field;
    @Column(name = "preferred", nullable = false)
    private boolean preferred;
    @Column(name = "source_id")
    private @Nullable UUID sourceId;
    @Column(name = "annotation_id")
    private @Nullable UUID annotationId;
    @Column(name = "reason", length = 500)
    private @Nullable String reason;
    @Column(name = "note", length = 500)
    private @Nullable String note;
    @Column(name = "start_date")
    private @Nullable LocalDate startDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "start_precision", length = 12)
    private @Nullable DatePrecision startPrecision;
    @Column(name = "start_time")
    private @Nullable LocalTime startTime;
    @Column(name = "end_date")
    private @Nullable LocalDate endDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_precision", length = 12)
    private @Nullable DatePrecision endPrecision;
    @Column(name = "end_time")
    private @Nullable LocalTime endTime;
    @Column(name = "type_id")
    private @Nullable UUID typeId;
    @Column(name = "sub_type_id")
    private @Nullable UUID subTypeId;
    @Column(name = "place_id")
    private @Nullable UUID placeId;
    @Column(name = "actors", length = 8000)
    private @Nullable String actors;
    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 20)
    private @Nullable CasualtyCategory category;
    @Enumerated(EnumType.STRING)
    @Column(name = "party", length = 12)
    private @Nullable CasualtyParty party;
    @Column(name = "minimum")
    private @Nullable Integer minimum;
    @Column(name = "maximum")
    private @Nullable Integer maximum;
    @Enumerated(EnumType.STRING)
    @Column(name = "qualifier", length = 10)
    private @Nullable CountQualifier qualifier;

    protected ClaimRow() {
    }

    static ClaimRow of(EventClaim c) {
        var row = new ClaimRow();
        row.claimId = java.util.Objects.requireNonNull(c.id(), "claims are normalised before they are stored");
        row.field = c.field();
        row.preferred = c.preferred();
        row.sourceId = c.sourceId();
        row.annotationId = c.annotationId();
        row.reason = c.reason();
        row.note = c.note();
        if (c.start() != null) {
            row.startDate = c.start().date();
            row.startPrecision = c.start().precision();
            row.startTime = c.start().time();
        }
        if (c.end() != null) {
            row.endDate = c.end().date();
            row.endPrecision = c.end().precision();
            row.endTime = c.end().time();
        }
        row.typeId = c.typeId();
        row.subTypeId = c.subTypeId();
        row.placeId = c.placeId();
        row.actors = c.actors().isEmpty() ? null : StoredActors.write(c.actors());
        if (c.casualties() != null) {
            row.category = c.casualties().category();
            row.party = c.casualties().party();
            row.minimum = c.casualties().minimum();
            row.maximum = c.casualties().maximum();
            row.qualifier = c.casualties().qualifier();
        }
        return row;
    }

    EventClaim claim() {
        PartialDate start = startDate == null ? null : new PartialDate(startDate, startPrecision, startTime);
        PartialDate end = endDate == null ? null : new PartialDate(endDate, endPrecision, endTime);
        Casualties figure = category == null ? null
                : new Casualties(category, party, minimum == null ? 0 : minimum, maximum == null ? 0 : maximum,
                        qualifier);
        return new EventClaim(claimId, field, preferred, start, end, typeId, subTypeId, placeId,
                actors == null ? List.of() : StoredActors.read(actors), figure, sourceId, annotationId, reason, note);
    }
}
