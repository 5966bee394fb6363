package org.annals.suggest;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A name the project's suggestions leave out everywhere ("never here", decision 0031): the name as folded, the
 * words as they were written when it was refused, what it was suggested as, who refused it and when. The
 * project's managers allow it again ({@link SuggestionService#allowAgain}).
 */
public record NeverHere(String foldedAlias, String words, SuggestionKind kind, @Nullable UUID entityId,
        @Nullable String entityName, @Nullable String rejectedBy, Instant rejectedAt) {

    /** As stored: ids only. */
    record Stored(String foldedAlias, String words, SuggestionKind kind, @Nullable UUID entityId,
            @Nullable UUID rejectedBy, Instant rejectedAt) {
    }
}
