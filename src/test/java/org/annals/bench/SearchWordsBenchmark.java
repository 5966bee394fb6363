package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.annals.search.Audience;
import org.annals.search.DocumentGroup;
import org.annals.search.EngineQuery;
import org.annals.search.EngineResults;
import org.annals.search.QuerySyntax;
import org.annals.search.SearchDocument;
import org.annals.search.SearchKind;
import org.annals.search.lucene.LuceneSearchEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Harness for the query side of search (issue 16, not part of the normal test run): the Lucene engine
 * alone, no database, on generated passages of about 60 words (Zipf-distributed words, one in five
 * passages in Arabic), timing the first page of results for typical queries.
 * <pre>./mvnw test -Pbenchmark -Dtest=SearchWordsBenchmark -Dannals.bench.passages=200000</pre>
 */
@Tag("benchmark")
class SearchWordsBenchmark {

    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-000000000016");
    private static final UUID VIEWER = UUID.randomUUID();
    private static final String LATIN = "bcdfghjklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final String ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    @Test
    void first_page_times() throws Exception {
        int passages = Integer.getInteger("annals.bench.passages", 200_000);
        var random = new Random(16);
        List<String> english = vocabulary(random, 40_000, false);
        List<String> arabic = vocabulary(random, 20_000, true);
        String kept = System.getProperty("annals.bench.folder");
        Path folder = kept != null ? Path.of(kept) : Files.createTempDirectory("annals-search-bench");
        try (var engine = new LuceneSearchEngine(folder)) {
            long started = System.nanoTime();
            // with a kept folder, an index of the same size built before is searched again
            boolean build = engine.documentCount() != passages;
            if (build) {
                engine.clear();
            }
            UUID source = UUID.randomUUID();
            var group = new DocumentGroup(DocumentGroup.Type.SOURCE, source);
            List<SearchDocument> batch = new ArrayList<>();
            for (int i = 0; i < passages; i++) {
                if (!build) {
                    break;
                }
                boolean inArabic = i % 5 == 0;
                String text = text(random, inArabic ? arabic : english, 60);
                if (i % 1000 == 0) {
                    // one source per thousand passages: a group replaced as a whole
                    source = UUID.randomUUID();
                    group = new DocumentGroup(DocumentGroup.Type.SOURCE, source);
                }
                batch.add(new SearchDocument("passage:" + source + ":" + i, group, SearchKind.PASSAGE,
                        new RecordRef("source", source), PROJECT, Audience.MEMBERS, null, null, "Report " + (i / 1000),
                        text, List.of(), source, null, null, null, 0, text.length(), null,
                        Instant.ofEpochSecond(1_700_000_000L + i)));
                if (i % 1000 == 999 || i == passages - 1) {
                    engine.replace(group, batch);
                    batch = new ArrayList<>();
                }
            }
            engine.commit(1);
            double indexSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("SEARCH-BENCH indexed %,d passages in %.1f s (%,.0f/s), %,d MB on disk%n", passages,
                    indexSeconds, passages / indexSeconds, engine.sizeOnDisk() >> 20);

            String common = english.get(0);
            String rare = english.get(30_000);
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("common word", common);
            queries.put("two common words", english.get(1) + " " + english.get(2));
            queries.put("rare word", rare);
            queries.put("phrase", "\"" + english.get(3) + " " + english.get(4) + "\"");
            queries.put("prefix", english.get(7).substring(0, 3) + "*");
            queries.put("Arabic word", arabic.get(5));
            queries.put("fuzzy", misspelt(english.get(200)));
            queries.put("OR and exclusion", english.get(10) + " OR " + english.get(11) + " -" + english.get(12));
            for (var query : queries.entrySet()) {
                boolean fuzzy = query.getKey().equals("fuzzy");
                var parsed = QuerySyntax.read(query.getValue());
                var engineQuery = new EngineQuery(parsed, PROJECT, VIEWER, false, Set.of(), null, Set.of(), null, null,
                        fuzzy, 0, 20);
                EngineResults last = null;
                for (int warm = 0; warm < 5; warm++) {
                    last = engine.search(engineQuery);
                }
                long[] nanos = new long[40];
                for (int run = 0; run < nanos.length; run++) {
                    long t = System.nanoTime();
                    last = engine.search(engineQuery);
                    nanos[run] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                System.out.printf("SEARCH-BENCH %-18s %-28s hits %,9d  p50 %6.1f ms  p95 %6.1f ms%s%n", query.getKey(),
                        query.getValue(), last.total(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 95 / 100] / 1e6,
                        last.partial() ? " (partial)" : "");
                assertThat(last.hits()).isNotNull();
            }
        } finally {
            if (kept == null) {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static List<String> vocabulary(Random random, int size, boolean arabic) {
        var words = new java.util.LinkedHashSet<String>();
        while (words.size() < size) {
            var word = new StringBuilder();
            int length = 3 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                if (arabic) {
                    word.append(ARABIC.charAt(random.nextInt(ARABIC.length())));
                } else {
                    word.append(i % 2 == 0 ? LATIN.charAt(random.nextInt(LATIN.length()))
                            : VOWELS.charAt(random.nextInt(VOWELS.length())));
                }
            }
            words.add(word.toString());
        }
        return new ArrayList<>(words);
    }

    /** Words drawn by Zipf's law: the first is in most passages, the thousandth in few. */
    private static String text(Random random, List<String> words, int count) {
        var text = new StringBuilder();
        double harmonic = Math.log(words.size()) + 0.5772;
        for (int i = 0; i < count; i++) {
            int rank = (int) Math.min(words.size() - 1, Math.floor(Math.exp(random.nextDouble() * harmonic)) - 1);
            text.append(words.get(Math.max(0, rank))).append(i % 12 == 11 ? ". " : " ");
        }
        return text.toString().strip();
    }

    private static String misspelt(String word) {
        char swapped = word.charAt(1) == 'a' ? 'o' : 'a';
        return word.charAt(0) + String.valueOf(swapped) + word.substring(2);
    }
}
