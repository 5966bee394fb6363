package org.annals.entity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a place lies as far as the project knows: its own coordinates, or (when it has none) those of its nearest
 * ancestor through part-of with that ancestor's coarser precision ({@code locatedBy} names the ancestor), and the
 * administrative areas above it (country, first level such as a governorate, second level such as a district),
 * derived from the part-of chain.
 */
public record PlaceLocation(UUID placeId, String placeName, double latitude, double longitude, GeoPrecision precision,
        @Nullable UUID locatedBy, @Nullable String locatedByName, @Nullable String country, @Nullable String admin1,
        @Nullable String admin2) {

    /** Whether the coordinates are an ancestor's rather than the place's own. */
    public boolean inherited() {
        return locatedBy != null;
    }
}
