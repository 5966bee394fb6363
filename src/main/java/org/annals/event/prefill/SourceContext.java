package org.annals.event.prefill;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The source a passage comes from: its id (the source of a casualty claim read from it), its published
 * date (what "yesterday" or "30 November" without a year is read against; without it such dates are not
 * read) and its language.
 */
public record SourceContext(UUID sourceId, @Nullable LocalDate publishedOn, @Nullable String language) {
}
