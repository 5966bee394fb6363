package org.annals.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one source says about one field of an event (decision 0030): the value, the source, and the annotation
 * (the quote) that says it when there is one. Only the value slots of its {@link #field()} are filled: a
 * {@link ClaimField#DATE} claim has {@code start} (and maybe {@code end}), {@link ClaimField#PLACE} a place,
 * {@link ClaimField#TYPE} a type (and maybe a sub-type), {@link ClaimField#ACTORS} the actors the source
 * names, {@link ClaimField#CASUALTIES} a figure.
 * <p>
 * A claim with neither source nor quote is a <em>plain</em> value: what an editor entered without citing
 * (and what every event had before claims). A field holding one plain claim is edited as a plain field.
 *
 * @param id stable across versions of the event, so that an annotation, an export row or a review can name it;
 *     null only in a proposal not yet through {@link EventClaims#normalise}, which gives it one
 * @param preferred the one claim of its field (of its kind of count, for casualties) that the event shows
 * @param reason why the reviewer preferred it (optional)
 * @param note what else the person noted about the claim ("civilians only", "the ministry's figure")
 */
public record EventClaim(@Nullable UUID id, ClaimField field, boolean preferred, @Nullable PartialDate start,
        @Nullable PartialDate end, @Nullable UUID typeId, @Nullable UUID subTypeId, @Nullable UUID placeId,
        List<EventActor> actors, @Nullable Casualties casualties, @Nullable UUID sourceId,
        @Nullable UUID annotationId, @Nullable String reason, @Nullable String note) {

    public static final int REASON_MAX_LENGTH = 500;

    public EventClaim {
        actors = actors == null ? List.of() : List.copyOf(actors);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /**
     * Reads a claim as clients send it and as changesets store it: {@code preferred} may be left out (not
     * preferred, and then {@link EventClaims#normalise} chooses), as may every slot the field does not use.
     */
    @JsonCreator
    static EventClaim fromJson(@JsonProperty("id") @Nullable UUID id, @JsonProperty("field") ClaimField field,
            @JsonProperty("preferred") @Nullable Boolean preferred, @JsonProperty("start") @Nullable PartialDate start,
            @JsonProperty("end") @Nullable PartialDate end, @JsonProperty("typeId") @Nullable UUID typeId,
            @JsonProperty("subTypeId") @Nullable UUID subTypeId, @JsonProperty("placeId") @Nullable UUID placeId,
            @JsonProperty("actors") @Nullable List<EventActor> actors,
            @JsonProperty("casualties") @Nullable Casualties casualties,
            @JsonProperty("sourceId") @Nullable UUID sourceId, @JsonProperty("annotationId") @Nullable UUID annotationId,
            @JsonProperty("reason") @Nullable String reason, @JsonProperty("note") @Nullable String note) {
        return new EventClaim(id, field, Boolean.TRUE.equals(preferred), start, end, typeId, subTypeId, placeId, actors,
                casualties, sourceId, annotationId, reason, note);
    }

    public static EventClaim date(@Nullable UUID id, PartialDate start, @Nullable PartialDate end, @Nullable UUID sourceId,
            @Nullable UUID annotationId) {
        return new EventClaim(id, ClaimField.DATE, false, start, end, null, null, null, List.of(), null, sourceId,
                annotationId, null, null);
    }

    public static EventClaim place(@Nullable UUID id, UUID placeId, @Nullable UUID sourceId, @Nullable UUID annotationId) {
        return new EventClaim(id, ClaimField.PLACE, false, null, null, null, null, placeId, List.of(), null, sourceId,
                annotationId, null, null);
    }

    public static EventClaim type(@Nullable UUID id, UUID typeId, @Nullable UUID subTypeId, @Nullable UUID sourceId,
            @Nullable UUID annotationId) {
        return new EventClaim(id, ClaimField.TYPE, false, null, null, typeId, subTypeId, null, List.of(), null,
                sourceId, annotationId, null, null);
    }

    public static EventClaim actors(@Nullable UUID id, List<EventActor> actors, @Nullable UUID sourceId,
            @Nullable UUID annotationId) {
        return new EventClaim(id, ClaimField.ACTORS, false, null, null, null, null, null, actors, null, sourceId,
                annotationId, null, null);
    }

    public static EventClaim casualties(@Nullable UUID id, Casualties figure, @Nullable UUID sourceId,
            @Nullable UUID annotationId) {
        return new EventClaim(id, ClaimField.CASUALTIES, false, null, null, null, null, null, List.of(), figure,
                sourceId, annotationId, null, null);
    }

    /** "{@code minimum}–{@code maximum} killed" (of everyone, exactly), per the source. */
    public static EventClaim killed(int minimum, int maximum, @Nullable UUID sourceId) {
        return casualties(null, new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, minimum, maximum,
                CountQualifier.EXACTLY), sourceId, null);
    }

    /** This claim, preferred or not, with the reviewer's reason. */
    public EventClaim preferred(boolean isPreferred, @Nullable String why) {
        return new EventClaim(id, field, isPreferred, start, end, typeId, subTypeId, placeId, actors, casualties,
                sourceId, annotationId, isPreferred ? why : null, note);
    }

    /** This claim with a note. */
    public EventClaim noted(@Nullable String text) {
        return new EventClaim(id, field, preferred, start, end, typeId, subTypeId, placeId, actors, casualties,
                sourceId, annotationId, reason, text);
    }

    /** This claim without its quote (the annotation that made it is gone). */
    public EventClaim withoutQuote() {
        return new EventClaim(id, field, preferred, start, end, typeId, subTypeId, placeId, actors, casualties,
                sourceId, null, reason, note);
    }

    /** This claim naming {@code survivor} wherever it named {@code duplicate} (two entities were merged). */
    public EventClaim replacingEntity(UUID duplicate, UUID survivor) {
        UUID place = duplicate.equals(placeId) ? survivor : placeId;
        List<EventActor> named = actors.stream()
                .map(a -> a.entityId().equals(duplicate) ? new EventActor(survivor, a.role()) : a).distinct().toList();
        return new EventClaim(id, field, preferred, start, end, typeId, subTypeId, place, named, casualties,
                sourceId, annotationId, reason, note);
    }

    /** Neither source nor quote: a value as entered, which a plain field edits. */
    public boolean plain() {
        return sourceId == null && annotationId == null;
    }

    /**
     * Which claims compete with this one for preference: those of the same field, and for casualties those
     * counting the same thing (killed civilians do not compete with injured combatants).
     */
    public Object competition() {
        return field == ClaimField.CASUALTIES && casualties != null ? casualties.group() : field;
    }

    /** Whether two claims say the same thing (whoever says it). */
    public boolean sameValue(EventClaim other) {
        return field == other.field && Objects.equals(start, other.start) && Objects.equals(end, other.end)
                && Objects.equals(typeId, other.typeId) && Objects.equals(subTypeId, other.subTypeId)
                && Objects.equals(placeId, other.placeId) && Objects.equals(java.util.Set.copyOf(actors),
                        java.util.Set.copyOf(other.actors)) && Objects.equals(casualties, other.casualties);
    }
}
