package org.annals.event;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

/** A vetted event. Only the moderation engine writes it (through {@link EventRecordType}). */
@Entity
@Table(name = "event_record")
public class EventRecord extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "start_precision", nullable = false, length = 12)
    private DatePrecision startPrecision;

    @Column(name = "start_time")
    private @Nullable LocalTime startTime;

    @Column(name = "end_date")
    private @Nullable LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_precision", length = 12)
    private @Nullable DatePrecision endPrecision;

    @Column(name = "end_time")
    private @Nullable LocalTime endTime;

    @Column(name = "type_id", nullable = false)
    private UUID typeId;

    @Column(name = "sub_type_id")
    private @Nullable UUID subTypeId;

    @Column(name = "place_id")
    private @Nullable UUID placeId;

    @ElementCollection
    @CollectionTable(name = "event_actor", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    private List<EventActor> actors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "event_claim", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "ordinal")
    @BatchSize(size = 100)
    private List<ClaimRow> claims = new ArrayList<>();

    @Column(length = 8000)
    private @Nullable String notes;

    @ElementCollection
    @CollectionTable(name = "event_tag", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "tag", nullable = false, length = 60)
    @BatchSize(size = 100)
    private List<String> tags = new ArrayList<>();

    @Column(name = "parent_id")
    private @Nullable UUID parentId;

    @Column(name = "merged_into_id")
    private @Nullable UUID mergedInto;

    /** The fields whose claims disagree, comma-separated; derived from the claims ({@link EventClaims#disputes}). */
    @Column(name = "contested_fields", nullable = false, length = 100)
    private String contestedFields = "";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EventRecord() {
    }

    EventRecord(UUID id, UUID projectId, EventPayload values, Instant now) {
        assignId(id);
        this.projectId = projectId;
        this.createdAt = now;
        set(values, now);
    }

    void set(EventPayload v, Instant now) {
        title = v.title();
        startDate = v.start().date();
        startPrecision = v.start().precision();
        startTime = v.start().time();
        endDate = v.end() == null ? null : v.end().date();
        endPrecision = v.end() == null ? null : v.end().precision();
        endTime = v.end() == null ? null : v.end().time();
        typeId = v.typeId();
        subTypeId = v.subTypeId();
        placeId = v.placeId();
        actors.clear();
        actors.addAll(v.actors());
        claims.clear();
        v.claims().forEach(c -> claims.add(ClaimRow.of(c)));
        contestedFields = EventClaims.contestedColumn(v.claims());
        notes = v.notes();
        tags.clear();
        tags.addAll(v.tags());
        parentId = v.parentId();
        mergedInto = v.mergedInto();
        updatedAt = now;
    }

    EventPayload values() {
        PartialDate end = endDate == null ? null : new PartialDate(endDate, endPrecision, endTime);
        return new EventPayload(title, new PartialDate(startDate, startPrecision, startTime), end, typeId, subTypeId,
                placeId, List.copyOf(actors), claims.stream().map(ClaimRow::claim).toList(), notes, List.copyOf(tags), parentId, mergedInto);
    }

    void replaceEntity(UUID duplicate, UUID survivor, Instant now) {
        if (duplicate.equals(placeId)) {
            placeId = survivor;
        }
        actors.replaceAll(a -> a.entityId().equals(duplicate) ? new EventActor(survivor, a.role()) : a);
        // the claims name the same entities: they follow
        List<EventClaim> moved = claims.stream().map(ClaimRow::claim).map(c -> c.replacingEntity(duplicate, survivor))
                .toList();
        claims.clear();
        moved.forEach(c -> claims.add(ClaimRow.of(c)));
        contestedFields = EventClaims.contestedColumn(moved);
        updatedAt = now;
    }

    void moveParent(UUID newParent, Instant now) {
        parentId = newParent;
        updatedAt = now;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public String getTitle() {
        return title;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public @Nullable UUID getParentId() {
        return parentId;
    }

    public @Nullable UUID getMergedInto() {
        return mergedInto;
    }

    public @Nullable UUID getPlaceId() {
        return placeId;
    }
}
