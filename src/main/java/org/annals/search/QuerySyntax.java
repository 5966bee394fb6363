package org.annals.search;

import java.util.ArrayList;
import java.util.List;
import org.annals.base.InvalidInputException;

/**
 * Reads what a person typed as a {@link UserQuery}. Odd input is read safely rather than refused
 * (a missing closing quote, a lone {@code *}); only input no one types by hand is refused with a
 * message (see {@link #MAX_LENGTH}).
 */
public final class QuerySyntax {

    /** Longer queries are refused: nobody types them, and each word costs the engine. */
    public static final int MAX_LENGTH = 500;

    private QuerySyntax() {
    }

    public static UserQuery read(String typed) {
        if (typed.length() > MAX_LENGTH) {
            throw new InvalidInputException("Search for at most " + MAX_LENGTH + " characters.");
        }
        List<UserQuery.Part> required = new ArrayList<>();
        for (String word : typed.strip().split("\\s+")) {
            if (!word.isBlank()) {
                required.add(new UserQuery.Word(word, false));
            }
        }
        return new UserQuery(required, List.of(), List.of());
    }
}
