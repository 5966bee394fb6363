package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Find in this source": which words match, and the exact offsets of the original text they map to. */
class TextHitsTest {

    private static List<String> quotes(String text, TextHits hits) {
        var found = new ArrayList<String>();
        for (int i = 0; i < hits.kept(); i++) {
            found.add(text.substring(hits.start(i), hits.end(i)));
        }
        return found;
    }

    @Test
    void case_and_diacritics_do_not_count() {
        String text = "Ḥalab fell. HALAB was quiet; halab again, and Halabi too.";
        TextHits hits = TextHits.find(text, "halab");
        assertThat(quotes(text, hits)).containsExactly("Ḥalab", "HALAB", "halab", "Halab");
        assertThat(hits.total()).isEqualTo(4);
        assertThat(quotes(text, TextHits.find(text, "ḤALAB"))).hasSize(4);
    }

    @Test
    void arabic_letter_variants_tatweel_and_harakat_match_and_the_marks_are_inside_the_hit() {
        // alef with hamza above and below, madda and wasla; taa marbuta; alef maksura; tatweel; harakat.
        String text = "أحمد وإحمد وآحمد وٱحمد. مدينة مدينه. على علي. حلـــب حَلَبَ.";
        assertThat(quotes(text, TextHits.find(text, "احمد"))).containsExactly("أحمد", "إحمد", "آحمد", "ٱحمد");
        assertThat(quotes(text, TextHits.find(text, "مدينة"))).containsExactly("مدينة", "مدينه");
        assertThat(quotes(text, TextHits.find(text, "علي"))).containsExactly("على", "علي");
        assertThat(quotes(text, TextHits.find(text, "حلب"))).containsExactly("حلـــب", "حَلَبَ");
        // Typed with harakat, found without them.
        assertThat(quotes(text, TextHits.find(text, "أَحْمَد"))).hasSize(4);
    }

    @Test
    void offsets_are_utf16_offsets_of_the_original_text_after_characters_outside_the_bmp() {
        String text = "😀😀 Kyiv 𝔸 kyiv";
        TextHits hits = TextHits.find(text, "KYIV");
        assertThat(hits.kept()).isEqualTo(2);
        assertThat(hits.start(0)).isEqualTo(5);
        assertThat(hits.end(0)).isEqualTo(9);
        assertThat(hits.start(1)).isEqualTo(13);
        assertThat(hits.end(1)).isEqualTo(17);
        assertThat(quotes(text, TextHits.find(text, "😀"))).containsExactly("😀", "😀");
    }

    @Test
    void punctuation_and_spaces_match_any_run_of_them() {
        String text = "Abu Mohammad al-Julani, al Julani and al —  Julani.";
        assertThat(quotes(text, TextHits.find(text, "al-julani"))).containsExactly("al-Julani", "al Julani", "al —  Julani");
        assertThat(quotes(text, TextHits.find(text, "  julani. "))).hasSize(3);
    }

    @Test
    void a_character_that_folds_into_two_is_one_hit() {
        String text = "Straße strasse";
        assertThat(quotes(text, TextHits.find(text, "s"))).containsExactly("S", "ß", "s", "s", "s");
        assertThat(quotes(text, TextHits.find(text, "strasse"))).containsExactly("Straße", "strasse");
    }

    @Test
    void nothing_is_found_for_empty_blank_or_unknown_words() {
        String text = "The army entered the city.";
        assertThat(TextHits.find(text, "").total()).isZero();
        assertThat(TextHits.find(text, "  ...  ").total()).isZero();
        assertThat(TextHits.find(text, "\u064E").total()).isZero(); // a haraka alone
        assertThat(TextHits.find(text, "navy").total()).isZero();
        assertThat(TextHits.find(text, "x".repeat(100_000)).total()).isZero();
    }

    @Test
    void every_hit_is_counted_and_only_the_first_are_kept() {
        String text = "war ".repeat(25);
        TextHits hits = TextHits.find(text, "war", 10);
        assertThat(hits.total()).isEqualTo(25);
        assertThat(hits.kept()).isEqualTo(10);
        assertThat(hits.start(9)).isEqualTo(36);
    }

    @Test
    void stepping_starts_from_the_reader_position_and_wraps_round() {
        String text = "war, war, peace, war";
        TextHits hits = TextHits.find(text, "war");
        assertThat(hits.firstAtOrAfter(0)).isZero();
        assertThat(hits.firstAtOrAfter(6)).isEqualTo(2);
        assertThat(hits.firstAtOrAfter(18)).isZero();
        assertThat(hits.lastBefore(5)).isZero();
        assertThat(hits.lastBefore(6)).isEqualTo(1);
        assertThat(hits.lastBefore(0)).isEqualTo(2);
        assertThat(hits.overlapping(6, 7)).contains(1);
        assertThat(hits.overlapping(4, 5)).isEmpty();
        assertThat(hits.overlapping(17, 20)).contains(2);
        assertThat(TextHits.NONE.firstAtOrAfter(0)).isEqualTo(-1);
    }

    @Test
    void an_address_range_is_read_only_when_it_lies_in_the_text() {
        assertThat(TextHits.parseRange("3-9", 10)).hasValueSatisfying(r -> assertThat(r).containsExactly(3, 9));
        assertThat(TextHits.parseRange("0-10", 10)).isPresent();
        for (String bad : new String[] {"9-3", "3-3", "3-11", "-1-4", "3", "a-b", "3-9-1", " 3-9", "3 - 9", "",
                "99999999999-999999999999", "2147483647-2147483648", "3-9\u0000"}) {
            assertThat(TextHits.parseRange(bad, 10)).as(bad).isEmpty();
        }
        assertThat(TextHits.parseRange(null, 10)).isEmpty();
    }
}
