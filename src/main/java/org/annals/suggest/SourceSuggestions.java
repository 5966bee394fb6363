package org.annals.suggest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The suggestions for one source as one editor sees them: none on a span already annotated (vetted, pending
 * or in a draft), none the person rejected there or said "never here" to; in text order; with the count of
 * each kind for the side panel and the legend.
 */
public record SourceSuggestions(UUID sourceId, List<Suggestion> suggestions) {

    public SourceSuggestions {
        suggestions = List.copyOf(suggestions);
    }

    public Map<SuggestionKind, Integer> counts() {
        var counts = new EnumMap<SuggestionKind, Integer>(SuggestionKind.class);
        suggestions.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        return counts;
    }
}
