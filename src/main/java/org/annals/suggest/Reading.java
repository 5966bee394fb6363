package org.annals.suggest;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A text as the recognisers read it: the words, the source's published date (what "yesterday" or "30 November"
 * without a year is read against), its language, and the registry of the project as the reader may see it.
 */
public record Reading(String text, @Nullable LocalDate publishedOn, @Nullable String language, RegistryMatcher registry) {
}
