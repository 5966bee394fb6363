package org.annals.search.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import org.annals.base.InvalidInputException;
import org.annals.search.EngineQuery;
import org.annals.search.EngineResults;
import org.annals.search.KindCounts;
import org.annals.search.SearchDocument;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.Snippet;
import org.annals.search.UserQuery;
import java.util.function.Predicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * One search on one searcher: the page of hits ranked by relevance then newer first, with its snippets; or
 * the count of every kind.
 * <p>
 * Counting is what costs at scale: a common word matches millions of passages. So the page is found in a
 * pass that skips, unscored, whatever cannot beat the page's last hit (block-max WAND), counting matches only
 * until it knows there is a next page, and the counts are a separate call ({@link #count}), which a results
 * page makes after it has shown the hits. There each kind is counted in a pass of its own, led by that kind's
 * documents and stopped at {@link KindCounts#LIMIT}: a rare kind costs as many documents as it has, a common
 * one as many as it takes to reach the limit. (One pass that reads each match's kind would have to visit
 * every match: measured 130 ms p50 for a common word in 200,000 passages, so seconds at five million.)
 * <p>
 * A query that runs longer than {@link #TIMEOUT} stops where it is and gives what it found by then,
 * marked partial: a slow query costs the person some hits, never an error, and never holds a thread for long.
 */
final class LuceneSearch {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A word in at least this share of the documents (and {@link #KNOWN_WORD_DOCUMENTS}) is not tried with spelling differences. */
    static final double KNOWN_WORD_SHARE = 0.01;
    /** ... nor in fewer documents than this: in a small index, one percent is a handful, and a handful can be a misspelling. */
    static final int KNOWN_WORD_DOCUMENTS = 100;
    static final Sort RELEVANCE_THEN_NEWER = new Sort(SortField.FIELD_SCORE,
            new SortField(LuceneFields.UPDATED, SortField.Type.LONG, true));
    private static final SearchKind[] KINDS = SearchKind.values();

    private final LuceneQueries queries;
    private final LuceneSnippets snippets;

    LuceneSearch(LuceneQueries queries, LuceneSnippets snippets) {
        this.queries = queries;
        this.snippets = snippets;
    }

    EngineResults run(IndexSearcher shared, EngineQuery query) throws IOException {
        try {
            return page(timed(shared), shared, query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooMany();
        }
    }

    KindCounts count(IndexSearcher shared, EngineQuery query) throws IOException {
        try {
            return counts(timed(shared), query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooMany();
        }
    }

    private static InvalidInputException tooMany() {
        return new InvalidInputException("This search has too many words or word forms to run: search for fewer.");
    }

    /** A searcher of its own: the time limit is per search, the shared searcher serves every request. */
    private static IndexSearcher timed(IndexSearcher shared) {
        var searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(TIMEOUT.toMillis()));
        return searcher;
    }

    private static Set<SearchKind> wanted(EngineQuery query) {
        return query.kinds().isEmpty() ? EnumSet.allOf(SearchKind.class) : EnumSet.copyOf(query.kinds());
    }

    private EngineResults page(IndexSearcher searcher, IndexSearcher shared, EngineQuery query) throws IOException {
        Predicate<String> misspellable = misspellable(query, searcher.getIndexReader());
        Query built = queries.words(query.query(), misspellable);
        if (query.fuzzy() && built.equals(queries.words(query.query(), LuceneQueries.EXACT))) {
            // every word is too common to be a misspelling: near spellings would find what the exact search did
            return new EngineResults(0, true, List.of(), false);
        }
        // prefixes and fuzzy words expand to index words once, here, not in every segment
        Query words = searcher.rewrite(built);
        // phrases match pairs of words, which hold no offsets: the highlighter marks them word by word
        Query marked = hasPhrase(query.query()) ? searcher.rewrite(queries.words(query.query(), misspellable, true))
                : words;
        int numHits = Math.max(1, query.offset() + query.limit());
        // once the page is full, documents that cannot beat its last hit are skipped unscored; matches are
        // counted one beyond the page, which says whether there is a next one
        TopFieldDocs top = searcher.search(queries.ofKinds(queries.matching(query, words), wanted(query)),
                new TopFieldCollectorManager(RELEVANCE_THEN_NEWER, numHits, null, numHits + 1));
        boolean partial = searcher.timedOut();
        ScoreDoc[] found = top.scoreDocs;
        int from = Math.min(query.offset(), found.length);
        int[] docIds = new int[found.length - from];
        List<SearchDocument> documents = new ArrayList<>(docIds.length);
        List<String> texts = new ArrayList<>(docIds.length);
        for (int i = from; i < found.length; i++) {
            docIds[i - from] = found[i].doc;
            SearchDocument document = LuceneFields.fromLucene(shared.storedFields().document(found[i].doc));
            documents.add(document);
            texts.add(document.text());
        }
        List<Snippet> inContext = snippets.of(shared, marked, docIds, texts);
        List<SearchHit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            hits.add(new SearchHit(documents.get(i), inContext.get(i), found[from + i].score));
        }
        boolean exact = !partial && top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        // a search cut short may have counted fewer than it ranked
        long total = Math.max(top.totalHits.value(), (long) from + hits.size());
        return new EngineResults(total, exact, hits, partial);
    }

    /**
     * The words a fuzzy search tries with small spelling differences: those in fewer than {@link #KNOWN_WORD_SHARE}
     * of the documents (at least {@link #KNOWN_WORD_DOCUMENTS}), in the title, the names or the text. A word that common is no misspelling; when it
     * finds little, the filters narrowed it, and expanding it to its many near spellings (each common too) is what
     * made filtered searches of common words the slowest at scale. Lucene's spell checker draws the same line
     * ({@code DirectSpellChecker}'s default maximum query frequency, 1%).
     */
    private static Predicate<String> misspellable(EngineQuery query, IndexReader reader) {
        if (!query.fuzzy()) {
            return LuceneQueries.EXACT;
        }
        long known = Math.max(KNOWN_WORD_DOCUMENTS, (long) Math.ceil(reader.maxDoc() * KNOWN_WORD_SHARE));
        return word -> {
            try {
                for (String field : List.of(LuceneFields.TITLE, LuceneFields.NAMES, LuceneFields.TEXT)) {
                    if (reader.docFreq(new Term(field, word)) >= known) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static boolean hasPhrase(UserQuery query) {
        return java.util.stream.Stream.concat(query.required().stream(), query.excluded().stream())
                .anyMatch(LuceneSearch::hasPhrase);
    }

    private static boolean hasPhrase(UserQuery.Part part) {
        return switch (part) {
            case UserQuery.Phrase phrase -> true;
            case UserQuery.Word word -> false;
            case UserQuery.AnyOf any -> any.parts().stream().anyMatch(LuceneSearch::hasPhrase);
        };
    }

    private KindCounts counts(IndexSearcher searcher, EngineQuery query) throws IOException {
        Query words = searcher.rewrite(queries.words(query.query(), misspellable(query, searcher.getIndexReader())));
        Query matching = queries.matching(query, words);
        Set<SearchKind> wanted = wanted(query);
        // each kind leads its own pass (cheap for the rare kinds) and stops at the limit
        Map<SearchKind, Long> perKind = new EnumMap<>(SearchKind.class);
        long total = 0;
        boolean partial = false;
        for (SearchKind kind : KINDS) {
            long count = searcher.search(queries.ofKinds(matching, Set.of(kind)), new CappedCount());
            partial |= searcher.timedOut();
            if (count > 0) {
                perKind.put(kind, count);
            }
            if (wanted.contains(kind)) {
                total += count;
            }
        }
        return new KindCounts(perKind, total, partial);
    }

    /** Counts matches up to {@link EngineResults#COUNT_LIMIT}, then stops looking. */
    private static final class CappedCount implements CollectorManager<CappedCount.Counter, Long> {

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Long reduce(Collection<Counter> counters) {
            long sum = 0;
            for (Counter counter : counters) {
                sum += counter.count;
            }
            return Math.min(sum, KindCounts.LIMIT);
        }

        static final class Counter implements Collector {

            private long count;

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                if (count >= KindCounts.LIMIT) {
                    throw new CollectionTerminatedException();
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        if (++count >= KindCounts.LIMIT) {
                            throw new CollectionTerminatedException();
                        }
                    }
                };
            }
        }
    }
}
