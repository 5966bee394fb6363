package org.annals.map;

import java.time.LocalDate;
import java.util.UUID;
import org.annals.entity.GeoPrecision;
import org.jspecify.annotations.Nullable;

/**
 * One vetted event on a map: where (its place's location, possibly an ancestor's, with the precision that goes with
 * it), when, what type (the top-level type, which gives the colour) and its title.
 */
public record MapPoint(UUID eventId, LocalDate start, @Nullable LocalDate end, String title, UUID typeId,
        double latitude, double longitude, GeoPrecision precision, UUID placeId) {
}
