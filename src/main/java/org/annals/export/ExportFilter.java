package org.annals.export;

import java.time.LocalDate;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What part of the dataset to export. Dates, type, actor and place select events (and the
 * annotations that are their evidence); the source selects the annotations of one source and the
 * events it supports. Entities are always exported whole: they are the vocabulary of the rest.
 */
public record ExportFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID typeId,
        @Nullable UUID actorId, @Nullable UUID placeId, @Nullable UUID sourceId) {

    public static final ExportFilter ALL = new ExportFilter(null, null, null, null, null, null);

    public ExportFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("The date range ends (" + to + ") before it starts (" + from + ").");
        }
    }

    /** Whether any filter on events is set (then annotations follow the selected events). */
    public boolean selectsEvents() {
        return from != null || to != null || typeId != null || actorId != null || placeId != null;
    }

    public boolean isEmpty() {
        return !selectsEvents() && sourceId == null;
    }
}
