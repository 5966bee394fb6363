package org.annals.search.lucene;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.annals.base.InvalidInputException;
import org.annals.search.EngineQuery;
import org.annals.search.EngineResults;
import org.annals.search.SearchDocument;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.Snippet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One search on one searcher: the page of hits ranked by relevance then newer first, the total, and the
 * count of every kind, all in one pass over the matching documents (a collector reads each match's kind
 * from doc values and passes the wanted ones on to the top-hits collector), then the page's snippets.
 * <p>
 * A query that runs longer than {@link #TIMEOUT} stops where it is and gives what it found by then,
 * marked {@link EngineResults#partial()}: a slow query costs the person some hits, never an error, and
 * never holds a thread for long.
 */
final class LuceneSearch {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
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
            return page(shared, query);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidInputException("This search has too many words or word forms to run: search for fewer.");
        }
    }

    private EngineResults page(IndexSearcher shared, EngineQuery query) throws IOException {
        // a searcher of its own: the time limit is per search, the shared searcher serves every request
        var searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(TIMEOUT.toMillis()));
        Query words = queries.words(query.query(), query.fuzzy());
        Query matching = queries.matching(query, words);
        boolean[] wanted = new boolean[KINDS.length];
        for (SearchKind kind : KINDS) {
            wanted[kind.ordinal()] = query.kinds().isEmpty() || query.kinds().contains(kind);
        }
        Counted counted = searcher.search(matching, new CountingManager(query.offset() + query.limit(), wanted));
        Map<SearchKind, Long> perKind = new EnumMap<>(SearchKind.class);
        long total = 0;
        for (SearchKind kind : KINDS) {
            long count = counted.perKind()[kind.ordinal()];
            if (count > 0) {
                perKind.put(kind, count);
            }
            if (wanted[kind.ordinal()]) {
                total += count;
            }
        }
        ScoreDoc[] top = counted.top().scoreDocs;
        int from = Math.min(query.offset(), top.length);
        int[] docIds = new int[top.length - from];
        List<SearchDocument> documents = new ArrayList<>(docIds.length);
        List<String> texts = new ArrayList<>(docIds.length);
        for (int i = from; i < top.length; i++) {
            docIds[i - from] = top[i].doc;
            SearchDocument document = LuceneFields.fromLucene(shared.storedFields().document(top[i].doc));
            documents.add(document);
            texts.add(document.text());
        }
        List<Snippet> marked = snippets.of(shared, words, docIds, texts);
        List<SearchHit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            hits.add(new SearchHit(documents.get(i), marked.get(i), top[from + i].score));
        }
        return new EngineResults(total, perKind, hits, searcher.timedOut());
    }

    private record Counted(TopFieldDocs top, long[] perKind) {
    }

    /** Top hits of the wanted kinds and the count of every kind, per slice of the index, then reduced. */
    private static final class CountingManager implements CollectorManager<Counting, Counted> {

        private final TopFieldCollectorManager top;
        private final boolean[] wanted;

        CountingManager(int numHits, boolean[] wanted) {
            // every match is visited anyway to count it, so the top collector counts exactly too
            this.top = new TopFieldCollectorManager(RELEVANCE_THEN_NEWER, Math.max(1, numHits), null, Integer.MAX_VALUE);
            this.wanted = wanted;
        }

        @Override
        public Counting newCollector() {
            return new Counting(top.newCollector(), wanted);
        }

        @Override
        public Counted reduce(Collection<Counting> collectors) throws IOException {
            long[] perKind = new long[KINDS.length];
            List<TopFieldCollector> tops = new ArrayList<>();
            for (Counting each : collectors) {
                tops.add(each.top);
                for (int k = 0; k < perKind.length; k++) {
                    perKind[k] += each.perKind[k];
                }
            }
            return new Counted(top.reduce(tops), perKind);
        }
    }

    private static final class Counting implements Collector {

        private final TopFieldCollector top;
        private final boolean[] wanted;
        private final long[] perKind = new long[KINDS.length];

        Counting(TopFieldCollector top, boolean[] wanted) {
            this.top = top;
            this.wanted = wanted;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues kinds = DocValues.getSorted(context.reader(), LuceneFields.KIND);
            int[] kindOfOrd = new int[kinds.getValueCount()];
            for (int ord = 0; ord < kindOfOrd.length; ord++) {
                kindOfOrd[ord] = SearchKind.valueOf(kinds.lookupOrd(ord).utf8ToString()).ordinal();
            }
            LeafCollector topLeaf = top.getLeafCollector(context);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    topLeaf.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (kinds.advanceExact(doc)) {
                        int kind = kindOfOrd[kinds.ordValue()];
                        perKind[kind]++;
                        if (wanted[kind]) {
                            topLeaf.collect(doc);
                        }
                    }
                }
            };
        }
    }
}
