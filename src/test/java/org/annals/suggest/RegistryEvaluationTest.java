package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the registry and new-name recognisers on the hand-made evaluation set in
 * src/test/resources/suggest/registry-eval (see its README). Fails below the issue's targets for registry names:
 * recall >= 95%, precision >= 90%. The numbers are recorded in docs/performance.md.
 */
class RegistryEvaluationTest {

    private static final String FOLDER = "/suggest/registry-eval/";
    private static final List<String> TEXTS = List.of("prelude.en", "aleppo-forces.en", "hama-advance.en",
            "beginning.ar", "homs-approach.en");

    /** Expected: a span of the text and what it is (a registry key, or a proposed kind for a new name). */
    private record Expected(int start, int end, String what) {
    }

    private record Score(int right, int found, int expected) {

        double precision() {
            return found == 0 ? 1 : (double) right / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) right / expected;
        }

        Score plus(Score other) {
            return new Score(right + other.right, found + other.found, expected + other.expected);
        }

        String line() {
            return String.format(Locale.ROOT, "precision %5.1f%% (%d/%d), recall %5.1f%% (%d/%d)", 100 * precision(),
                    right, found, 100 * recall(), right, expected);
        }
    }

    @Test
    void registry_names_reach_the_targets_and_new_names_are_measured() {
        Map<String, RegistryEntry> registry = registry();
        RegistryMatcher matcher = RegistryMatcher.of(registry.values());
        var keysById = new HashMap<UUID, String>();
        registry.forEach((key, entry) -> keysById.put(entry.id(), key));
        assertThat(matcher.refused()).isEmpty();

        Score mentions = new Score(0, 0, 0);
        Score newNames = new Score(0, 0, 0);
        int kindsRight = 0;
        var report = new StringBuilder("Suggestions evaluation (issue 18)\n");
        for (String name : TEXTS) {
            String text = read(name + ".txt");
            var reading = new Reading(text, null, name.endsWith(".ar") ? "ar" : "en", matcher);

            List<Expected> expectedMentions = expected(text, name + ".mentions.tsv");
            var misses = new ArrayList<String>();
            int right = 0;
            List<Suggestion> suggested = new RegistryRecogniser().recognise(reading);
            var matched = new HashSet<Expected>();
            for (Suggestion s : suggested) {
                var candidates = ((Suggestion.Mention) s.value()).candidates().stream().map(c -> keysById.get(c.id()))
                        .toList();
                Expected hit = expectedMentions.stream().filter(e -> e.start() == s.start() && e.end() == s.end()
                        && candidates.contains(e.what())).findFirst().orElse(null);
                if (hit != null && matched.add(hit)) {
                    right++;
                } else {
                    misses.add("  wrong: \"" + s.text() + "\" " + candidates);
                }
            }
            expectedMentions.stream().filter(e -> !matched.contains(e))
                    .forEach(e -> misses.add("  missed: \"" + text.substring(e.start(), e.end()) + "\" " + e.what()));
            var score = new Score(right, suggested.size(), expectedMentions.size());
            mentions = mentions.plus(score);
            report.append(String.format("%-18s registry  %s%n", name, score.line()));
            misses.forEach(m -> report.append(m).append('\n'));

            List<Expected> expectedNames = expected(text, name + ".new-names.tsv");
            List<Suggestion> guessed = new NewNameRecogniser().recognise(reading);
            int namesRight = 0;
            var nameMisses = new ArrayList<String>();
            for (Suggestion s : guessed) {
                EntityKind kind = ((Suggestion.NewName) s.value()).proposedKind();
                Expected hit = expectedNames.stream().filter(e -> e.start() == s.start() && e.end() == s.end())
                        .findFirst().orElse(null);
                if (hit != null) {
                    namesRight++;
                    if (hit.what().equals(kind.name())) {
                        kindsRight++;
                    } else {
                        nameMisses.add("  kind: \"" + s.text() + "\" " + kind + ", expected " + hit.what());
                    }
                } else {
                    nameMisses.add("  not expected: \"" + s.text() + "\" " + kind);
                }
            }
            expectedNames.stream().filter(e -> guessed.stream().noneMatch(s -> s.start() == e.start() && s.end() == e.end()))
                    .forEach(e -> nameMisses.add("  missed: \"" + text.substring(e.start(), e.end()) + "\" " + e.what()));
            var nameScore = new Score(namesRight, guessed.size(), expectedNames.size());
            newNames = newNames.plus(nameScore);
            report.append(String.format("%-18s new names %s%n", name, nameScore.line()));
            nameMisses.forEach(m -> report.append(m).append('\n'));
        }
        report.append(String.format("ALL registry  %s%nALL new names %s, kind right for %d of %d found%n",
                mentions.line(), newNames.line(), kindsRight, newNames.right()));
        System.out.println(report);

        assertThat(mentions.expected()).as("the set has enough mentions to measure").isGreaterThan(100);
        assertThat(mentions.recall()).as(report.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(mentions.precision()).as(report.toString()).isGreaterThanOrEqualTo(0.90);
        // No target for new names (a low-ranked guess); this floor keeps what was measured from getting worse.
        assertThat(newNames.recall()).as(report.toString()).isGreaterThanOrEqualTo(0.5);
        assertThat(newNames.precision()).as(report.toString()).isGreaterThanOrEqualTo(0.3);
    }

    static Map<String, RegistryEntry> registry() {
        var rows = new ArrayList<String[]>();
        for (String line : read("registry.tsv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(Arrays.copyOf(line.split("\t", -1), 6));
            }
        }
        var names = new HashMap<String, String>();
        rows.forEach(r -> names.put(r[0], r[2]));
        var registry = new LinkedHashMap<String, RegistryEntry>();
        for (String[] r : rows) {
            List<String> aliases = r[3] == null || r[3].isBlank() ? List.of()
                    : Arrays.stream(r[3].split("\\|")).map(String::strip).toList();
            registry.put(r[0], new RegistryEntry(UUID.nameUUIDFromBytes(r[0].getBytes(StandardCharsets.UTF_8)),
                    EntityKind.valueOf(r[1]), r[2], aliases, blankToNull(r[4]),
                    r[5] == null || r[5].isBlank() ? null : names.get(r[5]), true));
        }
        return registry;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The expected spans of a file: words (\n a line break), which occurrences (* or 1-based numbers), what. */
    private static List<Expected> expected(String text, String file) {
        var expected = new ArrayList<Expected>();
        for (String line : read(file).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            String words = parts[0].replace("\\n", "\n");
            Set<Integer> wanted = parts[1].equals("*") ? null
                    : new HashSet<>(Arrays.stream(parts[1].split(",")).map(n -> Integer.parseInt(n.strip())).toList());
            int occurrence = 0;
            int found = 0;
            for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
                occurrence++;
                if (wanted == null || wanted.contains(occurrence)) {
                    expected.add(new Expected(at, at + words.length(), parts[2].strip()));
                    found++;
                }
            }
            assertThat(found).as("occurrences of \"%s\" in %s", words, file)
                    .isEqualTo(wanted == null ? Math.max(occurrence, 1) : wanted.size());
        }
        return expected;
    }

    static String read(String file) {
        try (InputStream in = RegistryEvaluationTest.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
