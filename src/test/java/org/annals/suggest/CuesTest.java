package org.annals.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CuesTest {

    private static final long MONTH = Cues.FIRST_WORD_BIT;
    private static final Map<String, Long> WORDS = Map.of("december", MONTH);
    private static final Pattern DAY = Pattern.compile("(?<![\\p{L}\\d])\\d{1,2} december");

    private static List<String> found(String text, java.util.function.LongPredicate needs, Pattern pattern) {
        var found = new ArrayList<String>();
        Cues.of(text, WORDS).find(pattern.matcher(text), needs, m -> found.add(m.group()));
        return found;
    }

    @Test
    void a_pattern_runs_only_over_the_paragraphs_that_hold_its_cues() {
        String text = "on 5 december\n\nno month here, 6\n\n7 december and\n8 december\n\n9 decembers";
        // "decembers" is no month name: the last paragraph is not read
        assertThat(found(text, Cues.all(Cues.DIGIT | MONTH), Pattern.compile("\\d+")))
                .containsExactly("5", "7", "8");
        assertThat(found(text, Cues.all(Cues.DIGIT | MONTH), DAY)).containsExactly("5 december", "7 december",
                "8 december");
        assertThat(found(text, Cues.any(Cues.ARABIC), DAY)).isEmpty();
    }

    @Test
    void digits_years_and_arabic_are_read_from_the_shape_of_words() {
        String text = "in 2024\n\nat 12:30\n\nفي ٢٠٢٤ عام\n\nplain words";
        assertThat(found(text, Cues.any(Cues.YEAR), Pattern.compile("[^\\n]+"))).containsExactly("in 2024",
                "في ٢٠٢٤ عام");
        assertThat(found(text, Cues.any(Cues.DIGIT), Pattern.compile("[^\\n]+"))).containsExactly("in 2024", "at 12:30",
                "في ٢٠٢٤ عام");
        assertThat(found(text, Cues.any(Cues.ARABIC), Pattern.compile("[^\\n]+"))).containsExactly("في ٢٠٢٤ عام");
    }

    @Test
    void a_look_behind_sees_the_text_before_the_stretch() {
        // the stretch starts at the second paragraph; the look-behind still sees the blank line before it
        Pattern afterBlankLine = Pattern.compile("(?<=\n\n)\\d+ december");
        assertThat(found("words\n\n5 december", Cues.all(Cues.DIGIT | MONTH), afterBlankLine))
                .containsExactly("5 december");
    }

    @Test
    void a_pattern_may_run_only_near_its_cue_words_within_their_paragraph() {
        String text = "5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 december\n\n31 december";
        var found = new ArrayList<String>();
        Cues.of(text, WORDS).findNear(Pattern.compile("\\d+").matcher(text), MONTH, 9, 4, Cues.any(MONTH),
                m -> found.add(m.group()));
        // nine chars before "december": "28 29 30 " (its paragraph); the next paragraph's own stretch
        assertThat(found).containsExactly("28", "29", "30", "31");
        var none = new ArrayList<String>();
        Cues.of(text, WORDS).findNear(Pattern.compile("\\d+").matcher(text), MONTH, 9, 4, Cues.any(Cues.ARABIC),
                m -> none.add(m.group()));
        assertThat(none).as("paragraphs without the cues the pattern needs").isEmpty();
    }

    @Test
    void neighbouring_cued_paragraphs_are_one_stretch_and_an_empty_text_has_nothing() {
        assertThat(found("4 december\n\n5 december", Cues.all(Cues.DIGIT | MONTH), Pattern.compile("(?s)4.*5")))
                .containsExactly("4 december\n\n5");
        assertThat(found("", Cues.any(Cues.DIGIT), DAY)).isEmpty();
    }

    @Test
    void dates_and_figures_read_the_same_with_and_without_the_paragraphs_around_them() {
        String story = "Rebels entered Aleppo on 29 November 2024. At least 20 civilians were killed the next day.";
        String padded = "An introduction without any of it.\n\n" + story + "\n\nA closing word.";
        var dates = DateReader.read(padded, LocalDate.of(2024, 12, 15), 1).stream().map(Suggestion::text).toList();
        var figures = CasualtyReader.read(padded, 1).stream().map(Suggestion::text).toList();
        assertThat(dates).containsExactly("29 November 2024", "the next day");
        assertThat(figures).containsExactly("At least 20 civilians were killed");
    }

    @Test
    void the_recognisers_together_find_on_threads_what_they_find_one_after_another() {
        RegistryMatcher registry = RegistryMatcher.of(RegistryEvaluationTest.registry().values());
        String text = (RegistryEvaluationTest.read("prelude.en.txt") + "\n\n"
                + RegistryEvaluationTest.read("beginning.ar.txt") + "\n\n").repeat(20);
        assertThat(text.length()).as("long enough to be read on threads").isGreaterThan(20_000);
        List<Recogniser> all = List.of(new RegistryRecogniser(), new DateRecogniser(), new FigureRecogniser(),
                new NewNameRecogniser());
        var oneAfterAnother = new ArrayList<Suggestion>();
        for (Recogniser recogniser : all) {
            oneAfterAnother.addAll(recogniser.recognise(new Reading(text, LocalDate.of(2024, 12, 15), "en", registry)));
        }
        List<Suggestion> together = SuggestionService.recogniseAll(all,
                new Reading(text, LocalDate.of(2024, 12, 15), "en", registry));
        assertThat(together).isEqualTo(oneAfterAnother);
        assertThat(together).extracting(Suggestion::kind).contains(SuggestionKind.MENTION, SuggestionKind.DATE,
                SuggestionKind.NEW_NAME);
    }

    @Test
    void a_recogniser_that_fails_on_a_thread_fails_the_reading() {
        Recogniser failing = new Recogniser() {
            @Override
            public SuggestionKind kind() {
                return SuggestionKind.DATE;
            }

            @Override
            public List<Suggestion> recognise(Reading reading) {
                throw new IllegalStateException("broken recogniser");
            }
        };
        var reading = new Reading("word ".repeat(5_000), null, "en", RegistryMatcher.EMPTY);
        assertThatThrownBy(() -> SuggestionService.recogniseAll(List.of(new DateRecogniser(), failing), reading))
                .isInstanceOf(IllegalStateException.class).hasMessage("broken recogniser");
    }
}
