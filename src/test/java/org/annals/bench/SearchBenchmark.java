package org.annals.bench;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.annals.bench.SearchCorpusGenerator.Corpus;
import org.annals.bench.SearchCorpusGenerator.Plan;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Harness for the search benchmark of issue 16 (not part of the normal test run), on PostgreSQL:
 * <pre>./mvnw test -Pbenchmark -Dtest=SearchBenchmark -Dannals.bench.searchScale=1 -DargLine=-Xmx2g</pre>
 * Loads {@link SearchCorpusGenerator}'s data set at the scale of {@value SearchCorpusGenerator#SCALE_PROPERTY}
 * (default 0.01: 1,000 sources; 1 is the issue's 100,000 sources, 1,000,000 annotations, 100,000 events,
 * 50,000 entities) and prints how long the load took. With the engine connected it then measures: full
 * rebuild time and indexing rate, index size on disk, first-page latency p50/p95 over 200 queries of
 * each class (common words, rare words, phrases, Arabic spelling variants, name transliterations,
 * filtered, prefix), heap while searching, and the delay from an approval until the change is found.
 * Lines starting with {@code BENCHMARK} are the results; docs/performance.md records them.
 *
 * <p><b>Connecting the engine</b>: everything the harness needs from search is {@link SearchUnderTest};
 * {@link #connect(ApplicationContext)} is the one place that builds it from the application's beans
 * (the {@code SearchService} and whatever rebuilds and locates the index). Until it returns an engine,
 * the harness loads and checks the data set only.
 */
@PostgresIntegrationTest
@Tag("benchmark")
class SearchBenchmark {

    private static final int QUERIES_PER_CLASS = 200;
    private static final int WARM_UP_QUERIES = 100;
    private static final int APPROVALS = 50;
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(10);

    /**
     * A query as the results page sends it: words, and the filters in the address. {@code kind} is the
     * name of a {@code SearchKind} (PASSAGE, SOURCE, ANNOTATION, EVENT, ENTITY, COMMENT) or null for all.
     */
    record Query(String text, @Nullable String kind, @Nullable UUID sourceId, @Nullable LocalDate from,
            @Nullable LocalDate to) {

        static Query words(String text) {
            return new Query(text, null, null, null, null);
        }
    }

    /** How many hits a first page holds, and whether it was found by the fallback to near spellings. */
    record FirstPage(int hits, boolean fuzzy) {
    }

    /** What the benchmark needs from the search engine. */
    interface SearchUnderTest {

        /** Drops the project's index and builds it again from the database; returns documents indexed. */
        long rebuildFromDatabase();

        /** Bytes the index takes on disk. */
        long indexBytes();

        /** The first page of results for {@code query} as {@code user} sees them. */
        FirstPage firstPage(AnnalsPrincipal user, UUID projectId, Query query);

        /**
         * The counts per kind for {@code query}, as a results page asks for them once its first page is shown;
         * returns the total counted.
         */
        long kindCounts(AnnalsPrincipal user, UUID projectId, Query query);
    }

    /**
     * The engine under test, built from the application's beans, or empty while the application has
     * no search. This is the only place to change when connecting it.
     */
    static Optional<SearchUnderTest> connect(ApplicationContext context) {
        var indexer = context.getBean(org.annals.search.SearchIndexer.class);
        var search = context.getBean(org.annals.search.SearchService.class);
        return Optional.of(new SearchUnderTest() {
            @Override
            public long rebuildFromDatabase() {
                java.time.Instant asked = java.time.Instant.now();
                indexer.requestRebuild();
                while (true) {
                    var status = indexer.status();
                    var rebuilt = status.lastRebuild();
                    if (rebuilt != null && !rebuilt.finished().isBefore(asked)
                            && status.state() != org.annals.search.SearchIndexer.State.REBUILDING) {
                        return rebuilt.documents();
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public long indexBytes() {
                return indexer.status().sizeOnDisk();
            }

            @Override
            public FirstPage firstPage(AnnalsPrincipal user, UUID projectId, Query query) {
                var request = request(projectId, query);
                var page = as(user, () -> search.search(request));
                return new FirstPage(page.hits().size(), page.fuzzy());
            }

            @Override
            public long kindCounts(AnnalsPrincipal user, UUID projectId, Query query) {
                var request = request(projectId, query);
                var uncounted = new org.annals.search.SearchResults(0, false, null, List.of(), 0,
                        request.pageSize(), false, List.of());
                return as(user, () -> search.count(request, uncounted)).total();
            }

            private static org.annals.search.SearchRequest request(UUID projectId, Query query) {
                var kinds = query.kind() == null ? java.util.Set.<org.annals.search.SearchKind>of()
                        : java.util.Set.of(org.annals.search.SearchKind.valueOf(query.kind()));
                return new org.annals.search.SearchRequest(projectId, query.text(), kinds, query.sourceId(),
                        java.util.Set.of(), query.from(), query.to(), 0, org.annals.search.SearchRequest.DEFAULT_PAGE_SIZE);
            }
        });
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void search_over_the_issue_data_set() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = member(project, "search-editor", ProjectRole.EDITOR);
        AnnalsPrincipal second = member(project, "search-editor", ProjectRole.EDITOR);
        AnnalsPrincipal reviewer = member(project, "search-reviewer", ProjectRole.REVIEWER);
        AnnalsPrincipal viewer = member(project, "search-viewer", ProjectRole.VIEWER);

        Plan plan = Plan.fromSystemProperty();
        Corpus corpus = new SearchCorpusGenerator(dataSource, project, List.of(editor.userId(), second.userId()))
                .generate(plan);
        reportLoad(corpus);
        assertThat(corpus.rows().get("source")).isEqualTo(plan.sources());
        assertThat(corpus.rows().get("annotation")).isEqualTo(plan.annotations());

        Optional<SearchUnderTest> connected = connect(context);
        if (connected.isEmpty()) {
            System.out.println("BENCHMARK search: no engine connected (SearchBenchmark.connect), data set only");
            return;
        }
        SearchUnderTest engine = connected.get();

        long start = System.nanoTime();
        long documents = engine.rebuildFromDatabase();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "BENCHMARK search full rebuild: %d documents in %.1f s, %.0f documents/s%n",
                documents, seconds, documents / seconds);
        System.out.printf(Locale.ROOT, "BENCHMARK search index size on disk: %.1f MB%n",
                engine.indexBytes() / 1e6);
        assertThat(documents).isGreaterThanOrEqualTo(plan.sources());

        var random = new SplittableRandom(SearchCorpusGenerator.SEED);
        var classes = queryClasses(corpus, random);
        long heapBefore = heapAfterGc();
        long peak = heapBefore;
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            var queries = classes.get(i % classes.size()).queries();
            engine.firstPage(viewer, project, queries.get(i % queries.size()));
        }
        for (QueryClass queryClass : classes) {
            var runs = new ArrayList<Double>();
            var fuzzyRuns = new ArrayList<Double>();
            var slowest = new java.util.TreeMap<Double, Query>();
            int empty = 0;
            for (Query query : queryClass.queries()) {
                long t = System.nanoTime();
                FirstPage page = engine.firstPage(viewer, project, query);
                double ms = (System.nanoTime() - t) / 1e6;
                runs.add(ms);
                slowest.put(ms, query);
                if (slowest.size() > 3) {
                    slowest.pollFirstEntry();
                }
                if (page.fuzzy()) {
                    fuzzyRuns.add(ms);
                }
                empty += page.hits() == 0 ? 1 : 0;
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            }
            report("search first page, " + queryClass.name() + " (" + empty + " of " + runs.size()
                    + " found nothing, " + fuzzyRuns.size() + " near spellings), ms", runs);
            slowest.descendingMap().forEach((ms, query) -> System.out.printf(Locale.ROOT,
                    "BENCHMARK search first page, %s, one of the slowest: %.1f ms for %s%n", queryClass.name(), ms, query));
            if (!fuzzyRuns.isEmpty()) {
                report("search first page, " + queryClass.name() + ", those found by near spellings, ms",
                        fuzzyRuns);
            }
            // what the results page asks next: the counts per kind (the same queries, so some are remembered)
            var counting = new ArrayList<Double>();
            for (Query query : queryClass.queries()) {
                long t = System.nanoTime();
                engine.kindCounts(viewer, project, query);
                counting.add((System.nanoTime() - t) / 1e6);
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            }
            report("search kind counts after the page, " + queryClass.name() + ", ms", counting);
            if (queryClass.mustFind()) {
                assertThat(empty).as(queryClass.name() + " queries that found nothing").isZero();
            }
        }
        long heapAfter = heapAfterGc();
        System.out.printf(Locale.ROOT, "BENCHMARK search heap used: %.0f MB after GC before searching, %.0f MB at"
                + " most while searching, %.0f MB after GC after searching%n", heapBefore / 1e6, peak / 1e6,
                heapAfter / 1e6);

        measureApprovalToFound(engine, project, editor, reviewer, viewer);
    }

    /**
     * An editor proposes a place with a word found nowhere else, a reviewer approves it, and a viewer
     * searches for the word until it is found: the delay from the start of the approval, and from its
     * commit (when approve returns).
     */
    private void measureApprovalToFound(SearchUnderTest engine, UUID project, AnnalsPrincipal editor,
            AnnalsPrincipal reviewer, AnnalsPrincipal viewer) {
        var random = new SplittableRandom(SearchCorpusGenerator.SEED + 1);
        var fromStart = new ArrayList<Double>();
        var fromCommit = new ArrayList<Double>();
        var approvals = new ArrayList<Double>();
        for (int i = 0; i < APPROVALS; i++) {
            String word = SearchText.madeUpWord(random, 6)[0];
            var place = EntityPayload.of(EntityKind.PLACE, "Tal " + SearchText.capitalise(word));
            UUID changeset = as(editor, () -> changesets.propose(project, "Add " + place.name(),
                    List.of(ProposedOperation.create(EntityRecordType.KIND, UUID.randomUUID(), place)), true));
            long start = System.nanoTime();
            as(reviewer, () -> review.approve(changeset, null));
            long committed = System.nanoTime();
            long deadline = committed + GIVE_UP_AFTER.toNanos();
            while (engine.firstPage(viewer, project, Query.words(word)).hits() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("\"" + word + "\" approved but not found after " + GIVE_UP_AFTER);
                }
                Thread.onSpinWait();
            }
            long found = System.nanoTime();
            approvals.add((committed - start) / 1e6);
            fromStart.add((found - start) / 1e6);
            fromCommit.add((found - committed) / 1e6);
        }
        report("approve a new place (1 operation), ms", approvals);
        report("search delay from the start of an approval until a viewer finds it, same node, ms", fromStart);
        report("search delay from an approval's commit until a viewer finds it, same node, ms", fromCommit);
    }

    private record QueryClass(String name, List<Query> queries, boolean mustFind) {
    }

    /** 200 queries of each class, drawn from what the generator put into the texts and records. */
    private static List<QueryClass> queryClasses(Corpus corpus, SplittableRandom random) {
        var classes = new ArrayList<QueryClass>();
        classes.add(new QueryClass("common words", draw(random, corpus.commonWords(), Query::words), true));
        classes.add(new QueryClass("rare words (1 to 5 passages)", draw(random, corpus.rareWords(),
                rare -> Query.words(rare.word())), true));
        classes.add(new QueryClass("phrases of three words", draw(random, corpus.phrases(),
                phrase -> Query.words("\"" + phrase.text() + "\"")), true));
        var arabic = new ArrayList<String>();
        for (String word : SearchText.ARABIC_COMMON) {
            arabic.addAll(SearchText.arabicVariants(word));
        }
        for (var name : corpus.names()) {
            name.arabicForms().forEach(form -> arabic.addAll(SearchText.arabicVariants(form)));
        }
        classes.add(new QueryClass("Arabic with variant spellings (alef, ta marbuta, ya, tatweel, harakat)",
                draw(random, arabic, Query::words), true));
        var transliterations = new ArrayList<String>();
        for (var name : corpus.names()) {
            name.latinForms().stream().skip(1).forEach(transliterations::add);
        }
        classes.add(new QueryClass("names in another transliteration", draw(random, transliterations, Query::words),
                true));
        String[] kinds = {"PASSAGE", "SOURCE", "ANNOTATION", "EVENT", "ENTITY", "COMMENT"};
        var byKind = new ArrayList<Query>();
        var bySource = new ArrayList<Query>();
        var byYear = new ArrayList<Query>();
        for (int i = 0; i < QUERIES_PER_CLASS; i++) {
            byKind.add(new Query(common(corpus, random), kinds[random.nextInt(kinds.length)], null, null, null));
            bySource.add(new Query(common(corpus, random), "PASSAGE", corpus.sampleSources().get(random.nextInt(
                    corpus.sampleSources().size())), null, null));
            int year = 2011 + random.nextInt(15);
            byYear.add(new Query(common(corpus, random), null, null, LocalDate.of(year, 1, 1),
                    LocalDate.of(year, 12, 31)));
        }
        classes.add(new QueryClass("common word filtered by kind", byKind, false));
        classes.add(new QueryClass("common word filtered by source (passages)", bySource, false));
        classes.add(new QueryClass("common word filtered by a year", byYear, false));
        classes.add(new QueryClass("prefix of 4 letters", draw(random, corpus.commonWords(),
                word -> Query.words(word.substring(0, Math.min(4, word.length())) + "*")), true));
        return classes;
    }

    private static String common(Corpus corpus, SplittableRandom random) {
        return corpus.commonWords().get(random.nextInt(corpus.commonWords().size()));
    }

    private static <T> List<Query> draw(SplittableRandom random, List<T> from, Function<T, Query> query) {
        var queries = new ArrayList<Query>(QUERIES_PER_CLASS);
        for (int i = 0; i < QUERIES_PER_CLASS; i++) {
            queries.add(query.apply(from.get(random.nextInt(from.size()))));
        }
        return queries;
    }

    private static void reportLoad(Corpus corpus) {
        var plan = corpus.plan();
        System.out.printf(Locale.ROOT, "BENCHMARK search data set: %d sources, %d entities, %d events, %d annotations,"
                + " %d comments, %d pending changesets loaded in %.1f s (CPU: generator %.1f s, PostgreSQL backend %s);"
                + " database %.2f GB; load average at the end %.1f%n", plan.sources(), plan.entities(), plan.events(),
                plan.annotations(), plan.comments(), plan.pendingChangesets(), corpus.total().toMillis() / 1e3,
                corpus.generatorCpu().toMillis() / 1e3, corpus.databaseCpu() == null ? "unknown"
                        : String.format(Locale.ROOT, "%.1f s", corpus.databaseCpu().toMillis() / 1e3),
                corpus.databaseBytes() / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        corpus.steps().forEach((step, time) -> System.out.printf(Locale.ROOT,
                "BENCHMARK search data set step %s: %.1f s%n", step, time.toMillis() / 1e3));
        corpus.rows().forEach((table, rows) -> System.out.printf(Locale.ROOT,
                "BENCHMARK search data set rows %s: %,d%n", table, rows));
    }

    private AnnalsPrincipal member(UUID project, String prefix, ProjectRole role) {
        AnnalsPrincipal user = fixtures.newUser(prefix);
        fixtures.addMember(project, user, role);
        return user;
    }

    private long heapAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void report(String what, List<Double> runs) {
        var sorted = runs.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCHMARK %s: p50 %.1f, p95 %.1f, max %.1f over %d runs%n", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted.getLast(), sorted.size());
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
