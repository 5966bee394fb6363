package org.annals.event;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a timeline shows: a date range, an event type (or sub-type), an actor, a place, text, and whether only
 * events whose sources disagree on some field (decision 0030).
 */
public record TimelineFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID typeId,
        @Nullable UUID actorId, @Nullable UUID placeId, String text, boolean contestedOnly) {

    public static final TimelineFilter ALL = new TimelineFilter(null, null, null, null, null, "", false);

    public TimelineFilter {
        text = text == null ? "" : text.strip();
    }

    /** Every event the other filters select, contested or not. */
    public TimelineFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID typeId,
            @Nullable UUID actorId, @Nullable UUID placeId, String text) {
        this(from, to, typeId, actorId, placeId, text, false);
    }

    /** The same filter, only contested events or all of them. */
    public TimelineFilter contested(boolean only) {
        return new TimelineFilter(from, to, typeId, actorId, placeId, text, only);
    }
}
