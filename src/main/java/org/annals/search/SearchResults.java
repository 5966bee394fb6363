package org.annals.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of results, and once counted ({@link SearchService#count}), how many match of each kind.
 *
 * @param total how many match: exact when {@link #totalIsExact()}; before counting, at least the results up to
 *     this page and one more when there is a next page
 * @param counts the matches per kind; null until counted
 * @param notices how the words were read where not literally, and whether the fuzzy fallback was used
 * @param fuzzy exact search found little, so words with small spelling differences were matched too
 */
public record SearchResults(long total, boolean totalIsExact, @Nullable KindCounts counts, List<SearchHit> hits,
        int page, int pageSize, boolean fuzzy, List<String> notices) {

    public SearchResults {
        hits = List.copyOf(hits);
        notices = List.copyOf(notices);
    }

    /** The matches per kind, empty until counted. */
    public Map<SearchKind, Long> perKind() {
        return counts == null ? Map.of() : counts.perKind();
    }

    public boolean counted() {
        return counts != null;
    }

    public boolean hasNextPage() {
        return (long) (page + 1) * pageSize < total && page + 1 < SearchRequest.MAX_PAGE;
    }

    /** These results with their counts (the total becomes the counted one, never less than the page saw). */
    SearchResults with(KindCounts counted) {
        long counts = Math.max(counted.total(), total);
        boolean exact = totalIsExact || !counted.totalIsAtLeast();
        return new SearchResults(totalIsExact ? total : counts, exact, counted, hits, page, pageSize, fuzzy, notices);
    }
}
