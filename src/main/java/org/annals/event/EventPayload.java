package org.annals.event;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The proposed values of an event, as a changeset carries them. */
public record EventPayload(String title, PartialDate start, @Nullable PartialDate end, UUID typeId,
        @Nullable UUID subTypeId, @Nullable UUID placeId, List<EventActor> actors, List<FatalityClaim> fatalities,
        @Nullable String notes, List<String> tags, @Nullable UUID parentId, @Nullable UUID mergedInto) {

    public EventPayload {
        actors = actors == null ? List.of() : List.copyOf(actors);
        fatalities = fatalities == null ? List.of() : List.copyOf(fatalities);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static EventPayload of(String title, PartialDate start, UUID typeId) {
        return new EventPayload(title, start, null, typeId, null, null, List.of(), List.of(), null, List.of(), null, null);
    }

    public EventPayload withEnd(@Nullable PartialDate newEnd) {
        return new EventPayload(title, start, newEnd, typeId, subTypeId, placeId, actors, fatalities, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withType(UUID type, @Nullable UUID subType) {
        return new EventPayload(title, start, end, type, subType, placeId, actors, fatalities, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withPlace(@Nullable UUID place) {
        return new EventPayload(title, start, end, typeId, subTypeId, place, actors, fatalities, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withActors(List<EventActor> newActors) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, newActors, fatalities, notes, tags,
                parentId, mergedInto);
    }

    public EventPayload withFatalities(List<FatalityClaim> claims) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, claims, notes, tags, parentId,
                mergedInto);
    }

    public EventPayload withNotes(@Nullable String newNotes, List<String> newTags) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, fatalities, newNotes, newTags,
                parentId, mergedInto);
    }

    public EventPayload withParent(@Nullable UUID parent) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, fatalities, notes, tags, parent,
                mergedInto);
    }

    public EventPayload mergedInto(UUID survivor) {
        return new EventPayload(title, start, end, typeId, subTypeId, placeId, actors, fatalities, notes, tags, parentId,
                survivor);
    }
}
