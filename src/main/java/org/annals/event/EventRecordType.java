package org.annals.event;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.entity.EntityDeleting;
import org.annals.entity.EntityDirectory;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntitiesMerged;
import org.annals.review.ChangeAction;
import org.annals.review.Citation;
import org.annals.review.KnockOnChanges;
import org.annals.review.RecordRef;
import org.annals.review.RecordType;
import org.annals.source.SourceAnchors;
import org.annals.source.SourceReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Events as records of the moderation engine: their rules, and how an approved change is applied. */
@Component
public class EventRecordType implements RecordType<EventPayload> {

    public static final String KIND = "EVENT";
    public static final int TITLE_MAX_LENGTH = 300;
    public static final int MAX_ACTORS = 200;
    /** Annotations' record kind (the annotation feature depends on events, not the other way round). */
    static final String ANNOTATION_KIND = "ANNOTATION";
    public static final int MAX_TAGS = 50;
    public static final int NOTES_MAX_LENGTH = 8000;

    private final EventRecordRepository events;
    private final EventTypeRepository types;
    private final EntityDirectory entities;
    private final ApplicationEventPublisher publisher;
    private final SourceAnchors sources;
    private final EvidenceSources quotes;

    EventRecordType(EventRecordRepository events, EventTypeRepository types, EntityDirectory entities,
            ApplicationEventPublisher publisher, SourceAnchors sources, EvidenceSources quotes) {
        this.quotes = quotes;
        this.publisher = publisher;
        this.sources = sources;
        this.events = events;
        this.types = types;
        this.entities = entities;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String displayName() {
        return "Event";
    }

    @Override
    public Class<EventPayload> payloadType() {
        return EventPayload.class;
    }

    @Override
    public Optional<Current<EventPayload>> current(UUID projectId, UUID recordId) {
        return events.findByIdAndProjectId(recordId, projectId).map(e -> new Current<>(e.values(), e.getVersion()));
    }

    @Override
    public boolean idTaken(UUID recordId) {
        return events.existsById(recordId);
    }

    @Override
    public void validate(UUID projectId, UUID recordId, ChangeAction action, EventPayload p) {
        if (p.title() == null || p.title().isBlank()) {
            throw new InvalidInputException("Give the event a title.");
        }
        if (p.title().strip().length() > TITLE_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + TITLE_MAX_LENGTH + " characters for the title.");
        }
        if (p.start() == null) {
            throw new InvalidInputException("Give the date the event started.");
        }
        if (p.end() != null && p.end().lastDay().isBefore(p.start().date())) {
            throw new InvalidInputException("The end (" + p.end().display() + ") is before the start ("
                    + p.start().display() + ").");
        }
        EventType type = types.findByIdAndProjectId(p.typeId(), projectId)
                .filter(t -> t.getParentId() == null)
                .orElseThrow(() -> new InvalidInputException("Choose an event type of this project's taxonomy."));
        if (p.subTypeId() != null) {
            types.findByIdAndProjectId(p.subTypeId(), projectId).filter(t -> type.getId().equals(t.getParentId()))
                    .orElseThrow(() -> new InvalidInputException("The sub-type does not belong to \"" + type.getName()
                            + "\"."));
        }
        if (p.actors().size() > MAX_ACTORS) {
            throw new InvalidInputException("An event can have at most " + MAX_ACTORS + " actors; this one has "
                    + p.actors().size() + ".");
        }
        var seen = new HashSet<String>();
        for (EventActor actor : p.actors()) {
            if (actor.entityId() == null || actor.role() == null) {
                throw new InvalidInputException("Every actor needs an entity and a role.");
            }
            if (!seen.add(actor.entityId() + "|" + actor.role())) {
                throw new InvalidInputException("The same actor is listed twice in the same role.");
            }
        }
        if (p.claims().size() > EventClaims.MAX_CLAIMS) {
            throw new InvalidInputException("An event can have at most " + EventClaims.MAX_CLAIMS + " claims; this one"
                    + " has " + p.claims().size() + ".");
        }
        EventPayload whole = EventClaims.normalise(recordId, p);
        for (EventClaim claim : whole.claims()) {
            validateClaimValue(projectId, claim);
        }
        if (p.tags().size() > MAX_TAGS || p.tags().stream().anyMatch(t -> t == null || t.isBlank() || t.length() > 60)) {
            throw new InvalidInputException("Use at most " + MAX_TAGS + " tags of up to 60 characters each.");
        }
        if (p.notes() != null && p.notes().length() > NOTES_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + NOTES_MAX_LENGTH + " characters for the notes.");
        }
        if (p.placeId() != null) {
            entities.kindOf(projectId, p.placeId()).filter(k -> k != EntityKind.PLACE).ifPresent(k -> {
                throw new InvalidInputException("The place must be an entity of kind Place.");
            });
        }
        if (recordId.equals(p.parentId()) || p.parentId() != null && isAncestor(recordId, p.parentId())) {
            throw new InvalidInputException("An event cannot be part of itself or of one of its own parts.");
        }
        if (recordId.equals(p.mergedInto())) {
            throw new InvalidInputException("An event cannot be merged into itself.");
        }
    }

    /**
     * A claimed value obeys the rules of the field it is about (the claim's own shape is checked by EventClaims),
     * and a quoted claim cites the source its quote is in. A quote proposed in the same changeset is not vetted
     * yet, so only its being in the project is checked then (a reference); the annotate flow gives such a claim
     * the annotation's own source.
     */
    private void validateClaimValue(UUID projectId, EventClaim claim) {
        if (claim.annotationId() != null) {
            if (claim.sourceId() == null) {
                throw new InvalidInputException("A claim that quotes an annotation names the source of the quote:"
                        + " give its sourceId.");
            }
            quotes.sourceOfQuote(projectId, claim.annotationId()).filter(s -> !s.equals(claim.sourceId()))
                    .ifPresent(s -> {
                        throw new InvalidInputException("A claim's quote is in “" + sourceTitle(s)
                                + "”, but the claim names “" + sourceTitle(claim.sourceId()) + "” as its source:"
                                + " a quoted claim cites the source its quote is in.");
                    });
        }
        switch (claim.field()) {
            case TYPE -> {
                EventType type = types.findByIdAndProjectId(claim.typeId(), projectId)
                        .filter(t -> t.getParentId() == null)
                        .orElseThrow(() -> new InvalidInputException("A claimed event type must be a type of this"
                                + " project's taxonomy."));
                if (claim.subTypeId() != null) {
                    types.findByIdAndProjectId(claim.subTypeId(), projectId)
                            .filter(t -> type.getId().equals(t.getParentId()))
                            .orElseThrow(() -> new InvalidInputException("A claimed sub-type does not belong to \""
                                    + type.getName() + "\"."));
                }
            }
            case PLACE -> entities.kindOf(projectId, claim.placeId()).filter(k -> k != EntityKind.PLACE).ifPresent(k -> {
                throw new InvalidInputException("A claimed place must be an entity of kind Place.");
            });
            case DATE, ACTORS, CASUALTIES -> {
                // their shape is all there is to check; the entities named are references
            }
        }
    }

    private boolean isAncestor(UUID candidate, UUID parent) {
        UUID current = parent;
        for (int depth = 0; current != null && depth < 1000; depth++) {
            if (current.equals(candidate)) {
                return true;
            }
            current = events.findById(current).map(EventRecord::getParentId).orElse(null);
        }
        return false;
    }

    @Override
    public Set<RecordRef> references(EventPayload p) {
        var refs = new LinkedHashSet<RecordRef>();
        if (p.placeId() != null) {
            refs.add(new RecordRef(EntityRecordType.KIND, p.placeId()));
        }
        p.actors().forEach(a -> refs.add(new RecordRef(EntityRecordType.KIND, a.entityId())));
        if (p.parentId() != null) {
            refs.add(new RecordRef(KIND, p.parentId()));
        }
        if (p.mergedInto() != null) {
            refs.add(new RecordRef(KIND, p.mergedInto()));
        }
        for (EventClaim claim : p.claims()) {
            if (claim.sourceId() != null) {
                refs.add(new RecordRef(SourceReferences.KIND, claim.sourceId()));
            }
            if (claim.annotationId() != null) {
                // the quote must be an annotation of this project (the engine refuses one of another project)
                refs.add(new RecordRef(ANNOTATION_KIND, claim.annotationId()));
            }
            if (claim.placeId() != null) {
                refs.add(new RecordRef(EntityRecordType.KIND, claim.placeId()));
            }
            claim.actors().forEach(a -> refs.add(new RecordRef(EntityRecordType.KIND, a.entityId())));
        }
        return refs;
    }

    @Override
    public Set<RecordRef> apply(UUID projectId, UUID recordId, ChangeAction action, @Nullable EventPayload p) {
        Instant now = Instant.now();
        switch (action) {
            case CREATE -> events.save(new EventRecord(recordId, projectId, tidy(recordId, p), now));
            case UPDATE -> {
                EventRecord record = existing(projectId, recordId);
                boolean merging = record.getMergedInto() == null && p.mergedInto() != null;
                record.set(tidy(recordId, p), now);
                if (merging) {
                    var moved = new KnockOnChanges();
                    uniteClaims(projectId, record.values().claims(), p.mergedInto(), now, moved);
                    for (EventRecord child : events.findByParentId(recordId)) {
                        child.moveParent(p.mergedInto(), now);
                        moved.changed(KIND, child.getId());
                    }
                    for (EventRecord redirect : events.findByMergedInto(recordId)) {
                        redirect.set(redirect.values().mergedInto(p.mergedInto()), now);
                        moved.changed(KIND, redirect.getId());
                    }
                    // Annotations that are its evidence move too, and say which they moved.
                    publisher.publishEvent(new EventsMerged(projectId, recordId, p.mergedInto(), moved));
                    return moved.records();
                }
            }
            case DELETE -> {
                EventRecord record = existing(projectId, recordId);
                if (!events.findByParentId(recordId).isEmpty() || !events.findByMergedInto(recordId).isEmpty()) {
                    throw new InvalidInputException("\"" + record.getTitle() + "\" cannot be deleted: other events are"
                            + " part of it or were merged into it. Merge it instead.");
                }
                publisher.publishEvent(new EventDeleting(projectId, recordId));
                events.delete(record);
            }
        }
        return Set.of();
    }

    /**
     * The survivor of a merge takes the duplicate's claims that it does not hold already (the same claim, or the
     * same value from the same source and quote), none of them preferred: both events' sources stay cited, and
     * where they disagree a reviewer chooses again. Normalising then keeps the rules: a field of the survivor
     * that had no value takes the one claim it now has as preferred, and a plain value of the duplicate for a
     * field the survivor leaves empty stays with the duplicate only (a plain value is the field itself).
     */
    private void uniteClaims(UUID projectId, List<EventClaim> duplicateClaims, UUID survivorId, Instant now,
            KnockOnChanges changes) {
        EventRecord survivor = events.findByIdAndProjectId(survivorId, projectId).orElse(null);
        if (survivor == null) {
            return; // the references check refuses a merge into nothing before it gets here
        }
        EventPayload kept = survivor.values();
        var united = new java.util.ArrayList<>(kept.claims());
        for (EventClaim claim : duplicateClaims) {
            boolean held = united.stream().anyMatch(c -> c.id().equals(claim.id()) || c.sameValue(claim)
                    && java.util.Objects.equals(c.sourceId(), claim.sourceId())
                    && java.util.Objects.equals(c.annotationId(), claim.annotationId()));
            if (!held) {
                united.add(claim.preferred(false, null));
            }
        }
        if (united.size() == kept.claims().size()) {
            return;
        }
        if (united.size() > EventClaims.MAX_CLAIMS) {
            throw new InvalidInputException("The merged event would have " + united.size() + " claims; an event can"
                    + " have at most " + EventClaims.MAX_CLAIMS + ". Remove claims from one of the two first.");
        }
        survivor.set(tidy(survivorId, kept.withClaims(united)), now);
        changes.changed(KIND, survivorId);
    }

    /**
     * An annotation quoted by claims is being deleted: the claims keep their value and source and lose the quote
     * (decision 0030), each event changed so gets a revision in the deletion's changeset.
     */
    @EventListener
    void quoteDeleting(QuoteDeleting deleting) {
        Instant now = Instant.now();
        for (EventRecord event : events.findQuoting(deleting.projectId(), List.of(deleting.annotationId()))) {
            EventPayload values = event.values();
            List<EventClaim> claims = values.claims().stream()
                    .map(c -> deleting.annotationId().equals(c.annotationId()) ? c.withoutQuote() : c).toList();
            event.set(tidy(event.getId(), values.withClaims(claims)), now);
            deleting.changes().changed(KIND, event.getId());
        }
    }

    /** A merged entity's events now point at the survivor. */
    @EventListener
    void entitiesMerged(EntitiesMerged merged) {
        Instant now = Instant.now();
        for (EventRecord event : events.findReferencing(merged.projectId(), merged.duplicate())) {
            event.replaceEntity(merged.duplicate(), merged.survivor(), now);
            merged.changes().changed(KIND, event.getId());
        }
    }

    /** An entity that events refer to cannot be deleted. */
    @EventListener
    void entityDeleting(EntityDeleting deleting) {
        int count = events.findReferencing(deleting.projectId(), deleting.entityId()).size();
        if (count > 0) {
            throw new InvalidInputException("The entity cannot be deleted: " + count + " events refer to it."
                    + " Merge it into another entity instead.");
        }
    }

    private EventRecord existing(UUID projectId, UUID recordId) {
        return events.findByIdAndProjectId(recordId, projectId)
                .orElseThrow(() -> new InvalidInputException("The event no longer exists."));
    }

    private static EventPayload tidy(UUID recordId, EventPayload proposed) {
        EventPayload p = EventClaims.normalise(recordId, proposed);
        return new EventPayload(p.title().strip(), p.start(), p.end(), p.typeId(), p.subTypeId(), p.placeId(), p.actors(),
                p.claims(), p.notes() == null || p.notes().isBlank() ? null : p.notes().strip(),
                p.tags().stream().map(String::strip).distinct().toList(), p.parentId(), p.mergedInto());
    }

    @Override
    public String label(EventPayload p) {
        return p.title().strip() + " (" + p.start().display() + ")";
    }

    @Override
    public LinkedHashMap<String, String> describe(EventPayload p) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Title", p.title());
        fields.put("Start", p.start().display());
        fields.put("End", p.end() == null ? "" : p.end().display());
        fields.put("Type", typeName(p.typeId()) + (p.subTypeId() == null ? "" : " / " + typeName(p.subTypeId())));
        fields.put("Place", p.placeId() == null ? "" : entities.displayName(p.placeId()));
        fields.put("Actors", p.actors().stream().map(a -> a.role().displayName() + ": " + entities.displayName(a.entityId()))
                .collect(Collectors.joining("; ")));
        // Claims are listed where a field has more than a plain value: who says what, and which is preferred.
        for (ClaimField field : ClaimField.values()) {
            List<EventClaim> claims = EventClaims.of(p.claims(), field);
            boolean plainOnly = claims.size() == 1 && claims.getFirst().plain() && field != ClaimField.CASUALTIES;
            if (field == ClaimField.CASUALTIES || !claims.isEmpty() && !plainOnly) {
                fields.put(field == ClaimField.CASUALTIES ? "Casualties" : field.displayName() + " claims",
                        claims.stream().map(this::describeClaim).collect(Collectors.joining("; ")));
            }
        }
        fields.put("Notes", p.notes() == null ? "" : p.notes());
        fields.put("Tags", String.join(", ", p.tags()));
        fields.put("Part of", p.parentId() == null ? "" : events.findById(p.parentId()).map(EventRecord::getTitle)
                .orElse("(proposed event)"));
        fields.put("Merged into", p.mergedInto() == null ? "" : events.findById(p.mergedInto()).map(EventRecord::getTitle)
                .orElse("(proposed event)"));
        return fields;
    }

    /**
     * "40–60 killed per “SOHR daily report”, quoted (preferred: the later count)": a claim is only as good as its
     * source, so it is always named.
     */
    private String describeClaim(EventClaim claim) {
        String value = EventClaims.valueText(claim, entities::displayName, this::typeName);
        String source = claim.sourceId() == null ? "no source given" : "per “" + sourceTitle(claim.sourceId()) + "”";
        String quoted = claim.annotationId() == null ? "" : ", quoted";
        String note = claim.note() == null ? "" : " (" + claim.note() + ")";
        String preferred = !claim.preferred() ? "" : claim.reason() == null ? " (preferred)"
                : " (preferred: " + claim.reason() + ")";
        return value + " " + source + quoted + note + preferred;
    }

    private String sourceTitle(UUID sourceId) {
        return sources.title(sourceId).orElse("a source no longer here");
    }

    @Override
    public List<Citation> citations(EventPayload p) {
        return p.claims().stream().map(EventClaim::sourceId).filter(java.util.Objects::nonNull).distinct()
                .map(id -> new Citation(id, sourceTitle(id))).toList();
    }

    private String typeName(UUID id) {
        return types.findById(id).map(EventType::getName).orElse("?");
    }
}
