package org.annals.search;

import java.util.List;

/**
 * One page of hits, ranked by relevance with newer first among equals. Matches are counted only as far as it
 * takes to say whether there is a next page: {@link SearchEngine#count} counts them all, by kind.
 *
 * @param total how many documents match, exact when {@link #totalIsExact()}; otherwise at least this many
 *     (more than the page and those before it)
 * @param totalIsExact whether every match was counted
 * @param partial the search ran out of time (an unusually costly query): the hits are the best found in
 *     time; a results page says so
 */
public record EngineResults(long total, boolean totalIsExact, List<SearchHit> hits, boolean partial) {

    public EngineResults {
        hits = List.copyOf(hits);
    }
}
