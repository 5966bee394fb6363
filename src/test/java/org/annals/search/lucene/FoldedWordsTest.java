package org.annals.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedWordsTest {

    @Test
    void words_are_folded_as_search_folds_them_with_their_offsets_in_the_text() {
        String text = "HTS's Ḥalab, أَحْمَد\nالشَّرع [12] ٣٠ Hay’at";
        List<FoldedWords.Word> words = FoldedWords.of(text);

        // Case, diacritics, harakat, hamza forms, Eastern Arabic digits and curly apostrophes all fold.
        assertThat(words).extracting(FoldedWords.Word::folded).containsExactly("hts", "halab", "احمد", "الشرع", "12",
                "30", "hay'at");
        // Spans are the words as written, without the possessive "'s" the analyser drops.
        assertThat(words).extracting(w -> text.substring(w.start(), w.end()))
                .containsExactly("HTS", "Ḥalab", "أَحْمَد", "الشَّرع", "12", "٣٠", "Hay’at");
    }

    @Test
    void a_name_folds_to_its_words_and_common_words_of_both_languages_are_known() {
        assertThat(FoldedWords.fold("  Hama\n Governorate ")).isEqualTo("hama governorate");
        assertThat(FoldedWords.fold("محافظة حماة")).isEqualTo("محافظه حماه");
        assertThat(FoldedWords.fold("هيئة")).isEqualTo("هييه");
        assertThat(FoldedWords.stopWords()).contains("the", "of", "في", "من").doesNotContain("hama", "حلب");
    }
}
