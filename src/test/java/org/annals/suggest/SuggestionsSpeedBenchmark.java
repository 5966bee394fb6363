package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.annals.entity.EntityKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Harness for issue 18's server budget (not part of the normal test run): every suggestion of a source, all four
 * recognisers as the service runs them ({@link SuggestionService#recogniseAll}), for a 100 KB and a 5 MB source
 * with a 10,000-alias registry. The text is real: the evaluation texts (four corpus excerpts and an Arabic report,
 * the registry set's five passages) one after another, repeated to the size, so dates, figures and names occur as
 * often as in news. The registry is the evaluation set's 50 entities plus generated names up to 10,000 aliases.
 * Each run reads a new {@link Reading} (nothing shared between runs); each recogniser is also timed alone.
 * <pre>./mvnw test -Pbenchmark -Dtest=SuggestionsSpeedBenchmark -DargLine=-Xmx2g</pre>
 */
@Tag("benchmark")
class SuggestionsSpeedBenchmark {

    private static final List<Recogniser> RECOGNISERS = List.of(new RegistryRecogniser(), new DateRecogniser(),
            new FigureRecogniser(), new NewNameRecogniser());

    @Test
    void every_suggestion_of_a_100_kb_and_a_5_mb_source() throws Exception {
        RegistryMatcher registry = RegistryMatcher.of(registry(10_000));
        report("%d processors; registry of %,d aliases", Runtime.getRuntime().availableProcessors(),
                registry.aliasCount());
        String news = news();
        time("100 KB", repeat(news, 100_000), registry, 10, 30);
        time("5 MB", repeat(news, 5_000_000), registry, 2, 7);
    }

    private static void time(String what, String text, RegistryMatcher registry, int warmUps, int runs) {
        Function<String, Reading> reading = t -> new Reading(t, LocalDate.of(2024, 12, 15), "en", registry);
        int found = 0;
        for (int i = 0; i < warmUps; i++) {
            found = SuggestionService.recogniseAll(RECOGNISERS, reading.apply(text)).size();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            found = SuggestionService.recogniseAll(RECOGNISERS, reading.apply(text)).size();
            wall[i] = (System.nanoTime() - started) / 1_000_000;
        }
        report("%s source (%,d chars), all recognisers together: %,d suggestions; wall median %,d ms, p95 %,d ms,"
                + " max %,d ms over %d runs", what, text.length(), found, wall[runs / 2], percentile(wall, 0.95),
                max(wall), runs);
        assertThat(found).isPositive();
        for (Recogniser recogniser : RECOGNISERS) {
            long[] alone = new long[Math.max(3, runs / 3)];
            int count = 0;
            for (int i = 0; i < alone.length; i++) {
                Reading fresh = reading.apply(text);
                long cpu = threads.getCurrentThreadCpuTime();
                count = recogniser.recognise(fresh).size();
                alone[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            }
            report("  %s alone (with what it reads first): %,d found; CPU median %,d ms over %d runs", recogniser
                    .kind(), count, sorted(alone)[alone.length / 2], alone.length);
        }
        Reading fresh = reading.apply(text);
        long cpu = threads.getCurrentThreadCpuTime();
        fresh.words();
        long words = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        cpu = threads.getCurrentThreadCpuTime();
        fresh.plain();
        long plain = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        report("  shared reading: words (search's analyser) %,d ms, plain folded text %,d ms (CPU, one run)", words,
                plain);
    }

    /** The evaluation texts one after another: real news in English and Arabic, blocks a blank line apart. */
    private static String news() throws Exception {
        var parts = new ArrayList<String>();
        for (String name : List.of("offensive-summary", "hama-offensive", "arabic-report", "northwestern-offensive",
                "homs-offensive")) {
            parts.add(DateAndFigureEvaluationTest.resource("eval-texts/" + name + ".txt").strip());
        }
        for (String name : List.of("prelude.en", "aleppo-forces.en", "hama-advance.en", "beginning.ar",
                "homs-approach.en")) {
            parts.add(RegistryEvaluationTest.read(name + ".txt").strip());
        }
        return String.join("\n\n", parts);
    }

    private static String repeat(String text, int length) {
        var out = new StringBuilder(length + text.length());
        while (out.length() < length) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(text);
        }
        return out.substring(0, length);
    }

    /** The evaluation set's entities, then generated ones (names of one to three made-up words) up to the count. */
    private static List<RegistryEntry> registry(int aliases) {
        var entries = new ArrayList<>(RegistryEvaluationTest.registry().values());
        int count = entries.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
        var random = new Random(18);
        var kinds = EntityKind.values();
        while (count < aliases) {
            int n = 1 + random.nextInt(3);
            var names = new ArrayList<String>();
            for (int i = 0; i < n; i++) {
                names.add(made(random));
            }
            entries.add(new RegistryEntry(UUID.randomUUID(), kinds[random.nextInt(kinds.length)], names.getFirst(),
                    names.subList(1, names.size()), "generated", null, true));
            count += n;
        }
        return entries;
    }

    private static String made(Random random) {
        var name = new StringBuilder();
        int words = 1 + random.nextInt(3);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                name.append(' ');
            }
            int letters = 4 + random.nextInt(5);
            for (int k = 0; k < letters; k++) {
                String from = k % 2 == 0 ? "bcdfghjklmnprstvz" : "aeiou";
                char c = from.charAt(random.nextInt(from.length()));
                name.append(k == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return name.toString();
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long percentile(long[] values, double p) {
        long[] s = sorted(values);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * p) - 1)];
    }

    private static long max(long[] values) {
        return sorted(values)[values.length - 1];
    }

    private static void report(String format, Object... args) {
        System.out.println("[suggestions-bench] " + String.format(Locale.ROOT, format, args));
    }
}
