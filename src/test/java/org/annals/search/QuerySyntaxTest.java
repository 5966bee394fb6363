package org.annals.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.annals.base.InvalidInputException;
import org.annals.search.UserQuery.AnyOf;
import org.annals.search.UserQuery.Phrase;
import org.annals.search.UserQuery.Word;
import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

    @Test
    void words_phrases_prefixes_and_exclusions_are_read() {
        UserQuery query = QuerySyntax.read("Aleppo \"siege of Aleppo\" offens* -Homs -\"al-Nusra Front\"");
        assertThat(query.required()).containsExactly(new Word("Aleppo", false), new Phrase("siege of Aleppo"),
                new Word("offens", true));
        assertThat(query.excluded()).containsExactly(new Word("Homs", false), new Phrase("al-Nusra Front"));
        assertThat(query.notices()).isEmpty();
    }

    @Test
    void upper_case_or_and_bar_join_their_neighbours_lower_case_or_is_a_word() {
        assertThat(QuerySyntax.read("Idlib OR Hama OR \"Jisr al-Shughur\" army").required()).containsExactly(
                new AnyOf(List.of(new Word("Idlib", false), new Word("Hama", false), new Phrase("Jisr al-Shughur"))),
                new Word("army", false));
        assertThat(QuerySyntax.read("حلب | دمشق").required()).containsExactly(
                new AnyOf(List.of(new Word("حلب", false), new Word("دمشق", false))));
        assertThat(QuerySyntax.read("Aleppo|Halab").required()).containsExactly(
                new AnyOf(List.of(new Word("Aleppo", false), new Word("Halab", false))));
        assertThat(QuerySyntax.read("war or peace").required()).containsExactly(new Word("war", false),
                new Word("or", false), new Word("peace", false));
    }

    @Test
    void an_or_without_words_on_both_sides_is_left_out_with_a_notice() {
        UserQuery query = QuerySyntax.read("OR Aleppo OR -Homs");
        assertThat(query.required()).containsExactly(new Word("Aleppo", false));
        assertThat(query.excluded()).containsExactly(new Word("Homs", false));
        assertThat(query.notices()).containsExactly("OR needs a word or phrase to search for on each side: it was left out.");
    }

    @Test
    void a_missing_closing_quote_makes_the_rest_a_phrase() {
        UserQuery query = QuerySyntax.read("army \"siege of Aleppo");
        assertThat(query.required()).containsExactly(new Word("army", false), new Phrase("siege of Aleppo"));
        assertThat(query.notices()).containsExactly("The closing quote was missing: searched for the phrase \"siege of Aleppo\".");
    }

    @Test
    void typographic_and_arabic_quotes_make_phrases_too() {
        assertThat(QuerySyntax.read("“siege of Aleppo”").required()).containsExactly(new Phrase("siege of Aleppo"));
        assertThat(QuerySyntax.read("«معركة حلب»").required()).containsExactly(new Phrase("معركة حلب"));
    }

    @Test
    void a_prefix_needs_two_letters_and_a_lone_star_is_left_out() {
        UserQuery short_ = QuerySyntax.read("a* Aleppo");
        assertThat(short_.required()).containsExactly(new Word("a", false), new Word("Aleppo", false));
        assertThat(short_.notices()).containsExactly("Type at least 2 letters before *: searched for \"a\" as a whole word.");
        UserQuery lone = QuerySyntax.read("* Aleppo");
        assertThat(lone.required()).containsExactly(new Word("Aleppo", false));
        assertThat(lone.notices()).containsExactly("A lone * would match every word: it was left out.");
        assertThat(QuerySyntax.read("حل*").required()).containsExactly(new Word("حل", true));
    }

    @Test
    void only_exclusions_ask_for_a_word() {
        UserQuery query = QuerySyntax.read("-Homs -Hama");
        assertThat(query.isEmpty()).isTrue();
        assertThat(query.notices()).containsExactly("Add at least one word to search for: excluded words (-word) alone find nothing.");
    }

    @Test
    void lucene_syntax_is_plain_text() {
        assertThat(QuerySyntax.read("title:x foo~2 name^2 [a TO z] {b} \\c").required()).containsExactly(
                new Word("title:x", false), new Word("foo~2", false), new Word("name^2", false), new Word("[a", false),
                new Word("TO", false), new Word("z]", false), new Word("{b}", false), new Word("\\c", false));
        UserQuery operators = QuerySyntax.read("war && !peace ||");
        assertThat(operators.required()).containsExactly(new Word("war", false), new Word("!peace", false));
        assertThat(operators.notices()).contains("Left out what has no letters or digits: &&.");
    }

    @Test
    void hyphens_inside_words_are_not_exclusions() {
        assertThat(QuerySyntax.read("al-Jolani - x").required()).containsExactly(new Word("al-Jolani", false),
                new Word("x", false));
    }

    @Test
    void control_characters_are_removed_with_a_notice_direction_marks_silently() {
        UserQuery controls = QuerySyntax.read("Ale\u0000ppo\u0007");
        assertThat(controls.required()).containsExactly(new Word("Aleppo", false));
        assertThat(controls.notices()).containsExactly("Control characters were removed from the search.");
        UserQuery marks = QuerySyntax.read("\u200Fحلب\u200E\tدمشق\n");
        assertThat(marks.required()).containsExactly(new Word("حلب", false), new Word("دمشق", false));
        assertThat(marks.notices()).isEmpty();
    }

    @Test
    void more_than_500_characters_or_32_words_are_refused_with_a_message() {
        assertThatThrownBy(() -> QuerySyntax.read("a".repeat(10_000)))
                .isInstanceOf(InvalidInputException.class).hasMessage("Search for at most 500 characters.");
        assertThatThrownBy(() -> QuerySyntax.read("w ".repeat(33)))
                .isInstanceOf(InvalidInputException.class).hasMessage("Search for at most 32 words or phrases at a time.");
        assertThat(QuerySyntax.read("w ".repeat(32)).required()).hasSize(32);
    }
}
