package org.annals.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param notices how the words were read where not literally, and whether the fuzzy fallback was used
 * @param fuzzy exact search found little, so words with small spelling differences were matched too
 */
public record SearchResults(long total, Map<SearchKind, Long> perKind, List<SearchHit> hits, int page,
        int pageSize, boolean fuzzy, List<String> notices) {

    public SearchResults {
        perKind = Map.copyOf(perKind);
        hits = List.copyOf(hits);
        notices = List.copyOf(notices);
    }

    public boolean hasNextPage() {
        return (long) (page + 1) * pageSize < total && page + 1 < SearchRequest.MAX_PAGE;
    }
}
