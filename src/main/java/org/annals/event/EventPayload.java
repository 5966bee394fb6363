package org.annals.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The proposed values of an event, as a changeset carries them. The date, type, place and actors are the
 * preferred values; {@code claims} holds what each source says about them and the casualty figures
 * ({@link EventClaims} keeps the two in step).
 */
public record EventPayload(String title, PartialDate start, @Nullable PartialDate end, UUID typeId,
        @Nullable UUID subTypeId, @Nullable UUID placeId, List<EventActor> actors, List<EventClaim> claims,
        @Nullable String notes, List<String> tags, @Nullable UUID parentId, @Nullable UUID mergedInto) {

    public EventPayload {
        actors = actors == null ? List.of() : List.copyOf(actors);
        claims = claims == null ? List.of() : List.copyOf(claims);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * Reads an event as written before claims too: changesets and revisions stored then list
     * {@code fatalities} (a number or range with a source), which are now casualty claims of the killed.
     */
    @JsonCreator
    static EventPayload fromJson(@JsonProperty("title") String title, @JsonProperty("start") PartialDate start,
            @JsonProperty("end") @Nullable PartialDate end, @JsonProperty("typeId") UUID typeId,
            @JsonProperty("subTypeId") @Nullable UUID subTypeId, @JsonProperty("placeId") @Nullable UUID placeId,
            @JsonProperty("actors") @Nullable List<EventActor> actors,
            @JsonProperty("claims") @Nullable List<EventClaim> claims,
            @JsonProperty("fatalities") @Nullable List<FatalityClaim> fatalities,
            @JsonProperty("notes") @Nullable String notes, @JsonProperty("tags") @Nullable List<String> tags,
            @JsonProperty("parentId") @Nullable UUID parentId, @JsonProperty("mergedInto") @Nullable UUID mergedInto) {
        var all = new ArrayList<EventClaim>(claims == null ? List.of() : claims);
        if (fatalities != null) {
            fatalities.forEach(f -> all.add(f.asClaim()));
        }
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, all, notes, tags, parentId,
                mergedInto);
    }

    public static EventPayload of(String title, PartialDate start, UUID typeId) {
        return new EventPayload(title, start, null, typeId, null, null, List.of(), List.of(), null, List.of(), null, null);
    }

    /** The casualty figures claimed, in order. */
    public List<EventClaim> casualties() {
        return claims.stream().filter(c -> c.field() == ClaimField.CASUALTIES).toList();
    }

    public EventPayload withEnd(@Nullable PartialDate newEnd) {
        return new EventPayload(title, start, newEnd, typeId, subTypeId, placeId, actors, claims, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withType(UUID type, @Nullable UUID subType) {
        return new EventPayload(title, start, end, type, subType, placeId, actors, claims, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withPlace(@Nullable UUID place) {
        return new EventPayload(title, start, end, typeId, subTypeId, place, actors, claims, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withActors(List<EventActor> newActors) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, newActors, claims, notes, tags,
                parentId, mergedInto);
    }

    public EventPayload withClaims(List<EventClaim> newClaims) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, newClaims, notes, tags, parentId,
                mergedInto);
    }

    /** The same event with these casualty figures instead of its own (the other claims stay). */
    public EventPayload withCasualties(List<EventClaim> figures) {
        var all = new ArrayList<EventClaim>(claims.stream().filter(c -> c.field() != ClaimField.CASUALTIES).toList());
        all.addAll(figures);
        return withClaims(all);
    }

    public EventPayload withNotes(@Nullable String newNotes, List<String> newTags) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, claims, newNotes, newTags,
                parentId, mergedInto);
    }

    public EventPayload withParent(@Nullable UUID parent) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, claims, notes, tags, parent,
                mergedInto);
    }

    public EventPayload mergedInto(UUID survivor) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, claims, notes, tags, parentId,
                survivor);
    }
}
