package org.annals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.search.lucene.FoldedWords;
import org.annals.suggest.NewNameRecogniser;
import org.annals.suggest.Reading;
import org.annals.suggest.RegistryEntry;
import org.annals.suggest.RegistryMatcher;
import org.annals.suggest.RegistryRecogniser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Harness for the registry names of issue 18 (not part of the normal test run): the registry matcher alone, no
 * database, on generated registries (names of one to three words, a third in Arabic, entities of one to three
 * aliases, one alias in fifty shared by two entities) and generated sources (English and Arabic words, one word
 * in twelve starting a registry name, Arabic names with a conjunction or preposition attached now and then). Times
 * {@link RegistryMatcher#find} as the registry recogniser runs it, builds the matcher and weighs it on the heap.
 * <pre>./mvnw test -Pbenchmark -Dtest=RegistryMatcherBenchmark -DargLine=-Xmx1536m</pre>
 */
@Tag("benchmark")
class RegistryMatcherBenchmark {

    private static final String LATIN = "bcdfghjklmnprstvz";
    private static final String VOWELS = "aeiou";
    private static final String ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    private static final List<String> COMMON = List.of("the", "of", "and", "in", "forces", "were", "killed", "town",
            "on", "rebels", "government", "city", "في", "على", "من", "قوات", "مدينة", "الى");

    @Test
    void suggestions_build_and_heap() {
        var random = new Random(18);
        List<String> latinWords = vocabulary(random, 30_000, false);
        List<String> arabicWords = vocabulary(random, 15_000, true);

        // Build time and heap per 100,000 aliases.
        List<RegistryEntry> large = registry(random, latinWords, arabicWords, 100_000);
        long before = usedHeap();
        long started = System.nanoTime();
        RegistryMatcher largeMatcher = RegistryMatcher.of(large);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        long matcherBytes = usedHeap() - before;
        report("registry of %,d aliases in %,d entities: %,d aliases matched, %,d refused; built in %,d ms;"
                + " matcher on the heap %.1f MB (besides the entries themselves)", aliases(large), large.size(),
                largeMatcher.aliasCount(), largeMatcher.refused().size(), buildMillis, matcherBytes / 1e6);
        for (int run = 0; run < 2; run++) {
            started = System.nanoTime();
            RegistryMatcher.of(large);
            report("  rebuilt in %,d ms", (System.nanoTime() - started) / 1_000_000);
        }

        List<RegistryEntry> small = registry(random, latinWords, arabicWords, 10_000);
        started = System.nanoTime();
        RegistryMatcher smallMatcher = RegistryMatcher.of(small);
        report("registry of %,d aliases: built in %,d ms", aliases(small), (System.nanoTime() - started) / 1_000_000);

        String source100k = source(random, small, latinWords, arabicWords, 100_000);
        time("100 KB source, 10,000 aliases", source100k, smallMatcher, 10, 30);
        String source5m = source(random, small, latinWords, arabicWords, 5_000_000);
        time("5 MB source, 10,000 aliases", source5m, smallMatcher, 2, 5);
        String large5m = source(random, large, latinWords, arabicWords, 5_000_000);
        time("5 MB source, 100,000 aliases", large5m, largeMatcher, 2, 5);
        long heapBefore = usedHeap();
        List<RegistryMatcher.Match> kept = largeMatcher.find(large5m);
        report("matches of the 5 MB source kept on the heap: %,d, %.1f MB", kept.size(),
                (usedHeap() - heapBefore) / 1e6);
        assertThat(kept).isNotEmpty();
    }

    /** The registry recogniser's suggestions for the text, timed; and the words alone (search's analyser), for scale. */
    private static void time(String what, String text, RegistryMatcher matcher, int warmUps, int runs) {
        // A new reading per run: a reading keeps its words and matches for the recognisers that follow.
        java.util.function.Supplier<Reading> reading = () -> new Reading(text, LocalDate.of(2024, 12, 1), "en", matcher);
        var recogniser = new RegistryRecogniser();
        int found = 0;
        for (int i = 0; i < warmUps; i++) {
            found = recogniser.recognise(reading.get()).size();
        }
        long[] millis = new long[runs];
        long[] wordsMillis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            found = recogniser.recognise(reading.get()).size();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            int[] words = new int[1];
            FoldedWords.forEach(text, (folded, start, end) -> words[0]++);
            wordsMillis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        Arrays.sort(wordsMillis);
        report("%s (%,d chars): %,d suggestions; median %,d ms, p95 %,d ms, max %,d ms over %d runs"
                + " (search's analyser alone on the same text: median %,d ms)", what, text.length(), found,
                millis[runs / 2], millis[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)], millis[runs - 1], runs,
                wordsMillis[runs / 2]);
        assertThat(found).isPositive();
        // The new-name recogniser on the same text, for scale (no budget of its own): median of three runs after one.
        var newNameRecogniser = new NewNameRecogniser();
        int newNames = newNameRecogniser.recognise(reading.get()).size();
        long[] newNamesMillis = new long[3];
        for (int i = 0; i < newNamesMillis.length; i++) {
            long started = System.nanoTime();
            newNames = newNameRecogniser.recognise(reading.get()).size();
            newNamesMillis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(newNamesMillis);
        report("  new names in the same text: %,d, median %,d ms of 3 runs", newNames, newNamesMillis[1]);
    }

    private static List<RegistryEntry> registry(Random random, List<String> latin, List<String> arabic, int aliases) {
        var entries = new ArrayList<RegistryEntry>();
        int count = 0;
        String shared = null;
        while (count < aliases) {
            int n = 1 + random.nextInt(3);
            var names = new ArrayList<String>();
            for (int i = 0; i < n && count < aliases; i++, count++) {
                if (shared != null && i == 0) {
                    names.add(shared);
                    shared = null;
                } else {
                    names.add(name(random, random.nextInt(3) == 0 ? arabic : latin));
                }
            }
            if (random.nextInt(50) == 0) {
                shared = names.getFirst();
            }
            var kinds = EntityKind.values();
            entries.add(new RegistryEntry(UUID.randomUUID(), kinds[random.nextInt(kinds.length)], names.getFirst(),
                    names.subList(1, names.size()), "generated", null, true));
        }
        return entries;
    }

    private static String name(Random random, List<String> words) {
        int n = 1 + random.nextInt(3);
        var name = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String word = words.get(random.nextInt(words.size()));
            if (i > 0) {
                name.append(' ');
            }
            name.append(Character.isLetter(word.charAt(0)) && word.charAt(0) < 'z'
                    ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        return name.toString();
    }

    private static String source(Random random, List<RegistryEntry> registry, List<String> latin, List<String> arabic,
            int length) {
        var text = new StringBuilder(length + 100);
        int words = 0;
        while (text.length() < length) {
            if (random.nextInt(12) == 0) {
                RegistryEntry entry = registry.get(random.nextInt(registry.size()));
                String name = entry.aliases().isEmpty() || random.nextBoolean() ? entry.name()
                        : entry.aliases().get(random.nextInt(entry.aliases().size()));
                if (name.charAt(0) >= '\u0600' && random.nextInt(4) == 0) {
                    text.append(random.nextBoolean() ? "و" : "ب");
                }
                text.append(name);
            } else if (random.nextInt(3) == 0) {
                text.append(COMMON.get(random.nextInt(COMMON.size())));
            } else {
                List<String> from = random.nextInt(4) == 0 ? arabic : latin;
                text.append(from.get(random.nextInt(from.size())));
            }
            words++;
            text.append(words % 15 == 0 ? ". " : words % 120 == 0 ? "\n\n" : " ");
        }
        return text.toString();
    }

    private static List<String> vocabulary(Random random, int size, boolean arabic) {
        var words = new ArrayList<String>(size);
        for (int i = 0; i < size; i++) {
            var word = new StringBuilder();
            int letters = 3 + random.nextInt(6);
            for (int k = 0; k < letters; k++) {
                if (arabic) {
                    word.append(ARABIC.charAt(random.nextInt(ARABIC.length())));
                } else {
                    String from = k % 2 == 0 ? LATIN : VOWELS;
                    word.append(from.charAt(random.nextInt(from.length())));
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    private static int aliases(List<RegistryEntry> registry) {
        return registry.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void report(String format, Object... args) {
        System.out.println("[registry-bench] " + String.format(Locale.ROOT, format, args));
    }
}
