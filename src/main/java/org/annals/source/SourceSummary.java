package org.annals.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of a project's library. */
public record SourceSummary(UUID id, String title, @Nullable String publisher, @Nullable LocalDate publishedOn,
        int textLength, Instant createdAt) {

    /** Sortable columns of the library, by the name the UI uses. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("title", "publisher", "publishedOn",
            "textLength", "createdAt");
}
