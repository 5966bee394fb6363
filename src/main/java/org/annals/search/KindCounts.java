package org.annals.search;

import java.util.Map;

/**
 * How many documents match a search, per kind, whatever kinds were asked for: a results page offers them as
 * filters and says how many results there are. Counted apart from the page of hits and after it, as counting
 * costs more than ranking the page (docs/performance.md, "Search").
 *
 * @param perKind each kind counted up to {@link #LIMIT}; a count at the limit reads "10,000+"; kinds with no
 *     match are absent
 * @param total the sum over the kinds asked for (all kinds when none were)
 * @param partial the counting ran out of time: these are at least the counts
 */
public record KindCounts(Map<SearchKind, Long> perKind, long total, boolean partial) {

    /**
     * Matches of one kind are counted up to this many: counting millions of matches costs a pass over each of
     * them, and nobody pages through ten thousand hits.
     */
    public static final long LIMIT = 10_000;

    public KindCounts {
        perKind = Map.copyOf(perKind);
    }

    /** Whether the total may be higher: some kind asked for has more matches than were counted. */
    public boolean totalIsAtLeast() {
        return partial || perKind.values().stream().anyMatch(count -> count >= LIMIT);
    }
}
