package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.annals.event.Casualties;
import org.annals.event.CasualtyCategory;
import org.annals.event.CasualtyParty;
import org.annals.event.CountQualifier;
import org.annals.event.DatePrecision;
import org.annals.event.PartialDate;
import org.annals.suggest.Suggestion.DateValue;
import org.annals.suggest.Suggestion.Figure;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the date and figure recognisers on a hand-written evaluation set (issue 18, point 5):
 * excerpts of the sample corpus and an Arabic report in src/test/resources/suggest/eval-texts, with the dates
 * (dates-eval) and casualty figures (figures-eval) a person reads in them. A suggestion is right when its span
 * overlaps an expected one not yet matched and its value equals it: a date with its precision and end; a figure
 * with its category, numbers and qualifier (whose figure it is, the party, is counted apart). The numbers are
 * printed and recorded in docs/performance.md.
 */
class DateAndFigureEvaluationTest {

    private static final List<String> TEXTS = List.of("offensive-summary", "hama-offensive", "arabic-report",
            "northwestern-offensive", "homs-offensive");

    private record Expected(int start, int end, String text, Object value, @Nullable CasualtyParty party) {
    }

    private record Score(int suggested, int right, int expected, int found, List<String> misses) {

        double precision() {
            return suggested == 0 ? 0 : (double) right / suggested;
        }

        double recall() {
            return expected == 0 ? 0 : (double) found / expected;
        }

        Score plus(Score other) {
            var all = new ArrayList<>(misses);
            all.addAll(other.misses);
            return new Score(suggested + other.suggested, right + other.right, expected + other.expected,
                    found + other.found, all);
        }
    }

    @Test
    void dates_are_found_with_precision_and_recall_of_at_least_90_percent() throws IOException {
        Score total = new Score(0, 0, 0, 0, List.of());
        for (String name : TEXTS) {
            String text = resource("eval-texts/" + name + ".txt");
            String expectedFile = resource("dates-eval/" + name + ".tsv");
            var expected = expected(text, expectedFile, DateAndFigureEvaluationTest::dateValue);
            List<Suggestion> suggestions = new DateRecogniser().recognise(new Reading(text, published(expectedFile),
                    null, RegistryMatcher.EMPTY));
            Score score = score(name, suggestions, expected);
            report("dates", name, score);
            total = total.plus(score);
        }
        report("dates", "all", total);
        assertThat(total.precision()).as("date precision; misses: %s", total.misses()).isGreaterThanOrEqualTo(0.90);
        assertThat(total.recall()).as("date recall; misses: %s", total.misses()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void casualty_figures_are_found_with_precision_and_recall_of_at_least_85_percent() throws IOException {
        Score total = new Score(0, 0, 0, 0, List.of());
        int parties = 0;
        int partiesRight = 0;
        for (String name : TEXTS) {
            String text = resource("eval-texts/" + name + ".txt");
            var expected = expected(text, resource("figures-eval/" + name + ".tsv"),
                    DateAndFigureEvaluationTest::figureValue);
            List<Suggestion> suggestions = new FigureRecogniser().recognise(new Reading(text, null, null,
                    RegistryMatcher.EMPTY));
            Score score = score(name, suggestions, expected);
            report("figures", name, score);
            total = total.plus(score);
            for (Expected e : expected) {
                var same = suggestions.stream().filter(s -> overlaps(s, e)
                        && e.value().equals(figureOnly(((Figure) s.value()).casualties()))).findFirst();
                if (same.isPresent()) {
                    parties++;
                    partiesRight += ((Figure) same.get().value()).casualties().party() == e.party() ? 1 : 0;
                }
            }
        }
        report("figures", "all", total);
        System.out.printf(Locale.ROOT, "figures party: %d of %d found figures name whose they are as the text does%n",
                partiesRight, parties);
        assertThat(total.precision()).as("figure precision; misses: %s", total.misses()).isGreaterThanOrEqualTo(0.85);
        assertThat(total.recall()).as("figure recall; misses: %s", total.misses()).isGreaterThanOrEqualTo(0.85);
    }

    private static Score score(String name, List<Suggestion> suggestions, List<Expected> expected) {
        var matched = new boolean[expected.size()];
        int right = 0;
        var misses = new ArrayList<String>();
        for (Suggestion s : suggestions) {
            boolean ok = false;
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                if (!matched[i] && overlaps(s, e) && e.value().equals(value(s))) {
                    matched[i] = true;
                    ok = true;
                    break;
                }
            }
            if (ok) {
                right++;
            } else {
                misses.add(name + ": wrong “" + s.text() + "” " + value(s));
            }
        }
        int found = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (matched[i]) {
                found++;
            } else {
                misses.add(name + ": missed “" + expected.get(i).text() + "” " + expected.get(i).value());
            }
        }
        return new Score(suggestions.size(), right, expected.size(), found, misses);
    }

    private static boolean overlaps(Suggestion s, Expected e) {
        return s.start() < e.end() && e.start() < s.end();
    }

    private static Object value(Suggestion s) {
        return switch (s.value()) {
            case DateValue date -> date;
            case Figure figure -> figureOnly(figure.casualties());
            default -> s.value();
        };
    }

    /** What a figure is matched on: what it counts, how many, how sure; the party is scored apart. */
    private static List<Object> figureOnly(Casualties c) {
        return List.of(c.category(), c.minimum(), c.maximum(), c.qualifier());
    }

    private static void report(String kind, String name, Score score) {
        System.out.printf(Locale.ROOT, "%s %s: %d suggested, %d right; %d expected, %d found: precision %.1f%%, recall"
                + " %.1f%%%n", kind, name, score.suggested(), score.right(), score.expected(), score.found(),
                100 * score.precision(), 100 * score.recall());
        score.misses().forEach(m -> System.out.println("  " + m));
    }

    private interface ValueReader {
        Object read(String[] columns);
    }

    /** The expected spans, found in the text in the order the file lists them, each after the one before. */
    private static List<Expected> expected(String text, String file, ValueReader values) {
        var expected = new ArrayList<Expected>();
        int from = 0;
        for (String line : file.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            int at = wordAt(text, columns[0], from);
            assertThat(at).as("“%s” after offset %d", columns[0], from).isNotNegative();
            CasualtyParty party = columns.length > 5 ? CasualtyParty.valueOf(columns[5]) : null;
            expected.add(new Expected(at, at + columns[0].length(), columns[0], values.read(columns), party));
            from = at + columns[0].length();
        }
        return expected;
    }

    /** The next place the words stand on their own: not "16" inside "2016", but "30" in "Date30" and "و60". */
    private static int wordAt(String text, String words, int from) {
        for (int at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
            int end = at + words.length();
            boolean starts = at == 0 || !sameKind(text.charAt(at - 1), text.charAt(at));
            boolean ends = end >= text.length() || !sameKind(text.charAt(end - 1), text.charAt(end));
            if (starts && ends) {
                return at;
            }
        }
        return -1;
    }

    private static boolean sameKind(char a, char b) {
        return Character.isDigit(a) && Character.isDigit(b) || Character.isLetter(a) && Character.isLetter(b);
    }

    private static Object dateValue(String[] columns) {
        DatePrecision precision = DatePrecision.valueOf(columns[2]);
        String[] range = columns[1].split("/");
        PartialDate start = new PartialDate(LocalDate.parse(range[0]), precision, null);
        PartialDate end = range.length > 1 ? new PartialDate(LocalDate.parse(range[1]), precision, null) : null;
        return new DateValue(start, end);
    }

    private static Object figureValue(String[] columns) {
        return figureOnly(new Casualties(CasualtyCategory.valueOf(columns[1]), CasualtyParty.ALL,
                Integer.parseInt(columns[2]), Integer.parseInt(columns[3]), CountQualifier.valueOf(columns[4])));
    }

    private static @Nullable LocalDate published(String file) {
        return file.lines().filter(l -> l.startsWith("# published: ")).findFirst()
                .map(l -> LocalDate.parse(l.substring("# published: ".length()).strip())).orElse(null);
    }

    static String resource(String path) throws IOException {
        try (InputStream in = Objects.requireNonNull(DateAndFigureEvaluationTest.class.getResourceAsStream(
                "/suggest/" + path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
