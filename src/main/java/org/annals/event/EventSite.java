package org.annals.event;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vetted event reduced to what a map needs: when, what (its top-level type), its title and its place. */
public record EventSite(UUID eventId, LocalDate start, @Nullable LocalDate end, String title, UUID typeId,
        UUID placeId) {
}
