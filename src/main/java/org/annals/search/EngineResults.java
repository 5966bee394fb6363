package org.annals.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, ranked by relevance with newer first among equals.
 *
 * @param total how many documents match in all (of the kinds asked for): the sum of {@code perKind} over those
 *     kinds, so at least {@link #COUNT_LIMIT} means "that many or more" ({@link #totalIsAtLeast()})
 * @param perKind how many match of each kind, whatever kinds were asked for: a results page offers them as
 *     filters. Each is counted up to {@link #COUNT_LIMIT}; a count at the limit reads "10,000+"
 * @param partial the search ran out of time (an unusually costly query): the hits are the best found in
 *     time, and the counts are at least these; a results page says so
 */
public record EngineResults(long total, Map<SearchKind, Long> perKind, List<SearchHit> hits, boolean partial) {

    /**
     * Matches of one kind are counted up to this many: counting millions of matches costs a pass over
     * each of them, and nobody pages through ten thousand hits (a page shows "10,000+").
     */
    public static final long COUNT_LIMIT = 10_000;

    public EngineResults {
        perKind = Map.copyOf(perKind);
        hits = List.copyOf(hits);
    }

    public EngineResults(long total, Map<SearchKind, Long> perKind, List<SearchHit> hits) {
        this(total, perKind, hits, false);
    }

    /** Whether the total may be higher: some kind asked for has more matches than were counted. */
    public boolean totalIsAtLeast() {
        return total >= COUNT_LIMIT;
    }
}
