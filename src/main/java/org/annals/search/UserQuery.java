package org.annals.search;

import java.util.List;

/**
 * What a person typed, read as the query language people already know: words, "exact phrases",
 * prefix*, -exclusion and OR. Engine-neutral: each engine translates it ({@link SearchEngine}).
 * Produced by {@link QuerySyntax#read(String)}, which never fails on odd input but reads it safely and
 * says how in {@link #notices()}.
 *
 * @param required every part must match (a part may be {@link AnyOf} for words joined by OR)
 * @param excluded no part may match
 * @param notices how the input was read where it was not taken literally ("The closing quote was
 *     missing: searched for the phrase …"), shown above the results
 */
public record UserQuery(List<Part> required, List<Part> excluded, List<String> notices) {

    public UserQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        notices = List.copyOf(notices);
    }

    /** Whether there is nothing to search for (only exclusions, or nothing at all). */
    public boolean isEmpty() {
        return required.isEmpty();
    }

    public sealed interface Part permits Word, Phrase, AnyOf {
    }

    /** One word as typed (the engine analyses it as it analyses the text); {@code prefix} for {@code word*}. */
    public record Word(String text, boolean prefix) implements Part {
    }

    /** Words that must appear together in this order. */
    public record Phrase(String text) implements Part {
    }

    /** At least one of the parts (words or phrases joined by OR). */
    public record AnyOf(List<Part> parts) implements Part {
        public AnyOf {
            parts = List.copyOf(parts);
        }
    }
}
