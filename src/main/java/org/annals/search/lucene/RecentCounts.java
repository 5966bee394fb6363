package org.annals.search.lucene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.annals.search.EngineQuery;
import org.annals.search.KindCounts;
import org.jspecify.annotations.Nullable;

/**
 * The counts of the last few searches on one state of the index. Counts are valid only for the searcher that
 * made them: when the index changes (a new reader), every count is forgotten. The query key holds the viewer
 * and their rights, so no one is served another person's counts.
 */
final class RecentCounts {

    static final int SIZE = 256;

    private @Nullable Object generation;
    private final Map<EngineQuery, KindCounts> counts = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EngineQuery, KindCounts> eldest) {
            return size() > SIZE;
        }
    };

    synchronized @Nullable KindCounts get(Object generation, EngineQuery query) {
        return generation == this.generation ? counts.get(query) : null;
    }

    synchronized void put(Object generation, EngineQuery query, KindCounts counted) {
        if (generation != this.generation) {
            counts.clear();
            this.generation = generation;
        }
        counts.put(query, counted);
    }
}
