package org.annals.entity;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The proposed values of an entity, as a changeset carries them. {@code mergedInto} set means "this
 * entity is a duplicate of that one": approving it turns the entity into a redirect. {@code precision} says what
 * a place's coordinates stand for (see {@link GeoPrecision}).
 */
public record EntityPayload(EntityKind kind, String name, List<Alias> aliases, @Nullable String description,
        @Nullable String wikidataId, @Nullable Double latitude, @Nullable Double longitude, @Nullable GeoPrecision precision,
        @Nullable UUID partOf, @Nullable UUID mergedInto) {

    public EntityPayload {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static EntityPayload of(EntityKind kind, String name) {
        return new EntityPayload(kind, name, List.of(), null, null, null, null, null, null, null);
    }

    public EntityPayload withAliases(List<Alias> newAliases) {
        return new EntityPayload(kind, name, newAliases, description, wikidataId, latitude, longitude, precision, partOf, mergedInto);
    }

    public EntityPayload withPartOf(@Nullable UUID parent) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, latitude, longitude, precision, parent, mergedInto);
    }

    public EntityPayload withDescription(@Nullable String text) {
        return new EntityPayload(kind, name, aliases, text, wikidataId, latitude, longitude, precision, partOf, mergedInto);
    }

    public EntityPayload withWikidataId(@Nullable String id) {
        return new EntityPayload(kind, name, aliases, description, id, latitude, longitude, precision, partOf, mergedInto);
    }

    public EntityPayload withCoordinates(@Nullable Double lat, @Nullable Double lon) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, lat, lon, precision, partOf, mergedInto);
    }

    /** What the coordinates stand for (an exact point, a town, a region...); null for "not said". */
    public EntityPayload withPrecision(@Nullable GeoPrecision what) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, latitude, longitude, what, partOf, mergedInto);
    }

    public EntityPayload mergedInto(UUID survivor) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, latitude, longitude, precision, partOf, survivor);
    }
}
