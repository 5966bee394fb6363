package org.annals.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, ranked by relevance with newer first among equals.
 *
 * @param total how many documents match in all (of the kinds asked for)
 * @param perKind how many match of each kind, whatever kinds were asked for: a results page offers them as filters
 * @param partial the search ran out of time (an unusually costly query): the hits are the best found in
 *     time, and the counts are at least these; a results page says so
 */
public record EngineResults(long total, Map<SearchKind, Long> perKind, List<SearchHit> hits, boolean partial) {

    public EngineResults {
        perKind = Map.copyOf(perKind);
        hits = List.copyOf(hits);
    }

    public EngineResults(long total, Map<SearchKind, Long> perKind, List<SearchHit> hits) {
        this(total, perKind, hits, false);
    }
}
