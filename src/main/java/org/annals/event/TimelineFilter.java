package org.annals.event;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a timeline shows: a date range, an event type (or sub-type), an actor, a place, and text. */
public record TimelineFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID typeId,
        @Nullable UUID actorId, @Nullable UUID placeId, String text) {

    public static final TimelineFilter ALL = new TimelineFilter(null, null, null, null, null, "");

    public TimelineFilter {
        text = text == null ? "" : text.strip();
    }
}
