package org.annals.entity;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The proposed values of an entity, as a changeset carries them. {@code mergedInto} set means "this
 * entity is a duplicate of that one": approving it turns the entity into a redirect.
 */
public record EntityPayload(EntityKind kind, String name, List<Alias> aliases, @Nullable String description,
        @Nullable String wikidataId, @Nullable Double latitude, @Nullable Double longitude, @Nullable UUID partOf,
        @Nullable UUID mergedInto) {

    public EntityPayload {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static EntityPayload of(EntityKind kind, String name) {
        return new EntityPayload(kind, name, List.of(), null, null, null, null, null, null);
    }

    public EntityPayload withAliases(List<Alias> newAliases) {
        return new EntityPayload(kind, name, newAliases, description, wikidataId, latitude, longitude, partOf, mergedInto);
    }

    public EntityPayload withPartOf(@Nullable UUID parent) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, latitude, longitude, parent, mergedInto);
    }

    public EntityPayload withDescription(@Nullable String text) {
        return new EntityPayload(kind, name, aliases, text, wikidataId, latitude, longitude, partOf, mergedInto);
    }

    public EntityPayload withWikidataId(@Nullable String id) {
        return new EntityPayload(kind, name, aliases, description, id, latitude, longitude, partOf, mergedInto);
    }

    public EntityPayload withCoordinates(@Nullable Double lat, @Nullable Double lon) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, lat, lon, partOf, mergedInto);
    }

    public EntityPayload mergedInto(UUID survivor) {
        return new EntityPayload(kind, name, aliases, description, wikidataId, latitude, longitude, partOf, survivor);
    }
}
