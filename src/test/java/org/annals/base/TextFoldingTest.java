package org.annals.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.annals.base.TextFolding.Folded;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void case_and_diacritics_fold_away_in_latin_script() {
        assertThat(TextFolding.fold("Ḥalab")).isEqualTo(TextFolding.fold("HALAB")).isEqualTo("halab");
        assertThat(TextFolding.fold("  Hay'at   Taḥrīr al-Shām ")).isEqualTo("hay at tahrir al sham");
        assertThat(TextFolding.fold("Straße")).isEqualTo("strasse");
    }

    @Test
    void arabic_letter_forms_harakat_and_tatweel_fold_to_one_form() {
        // From the sample corpus: "قوات النظام تعزل مدينة حمص عن الريف الشمالي", with harakat and tatweel added.
        String plain = "قوات النظام تعزل مدينة حمص عن الريف الشمالي";
        String decorated = "قُوَّاتُ النِّظَامِ تَعْزِلُ مَدِيـــنَةَ حِمْصَ عَنِ الرِّيفِ الشَّمَالِيِّ";
        assertThat(TextFolding.fold(decorated)).isEqualTo(TextFolding.fold(plain));
        assertThat(TextFolding.fold("أيلول")).isEqualTo(TextFolding.fold("ايلول"));
        assertThat(TextFolding.fold("إدلب")).isEqualTo(TextFolding.fold("ادلب"));
        assertThat(TextFolding.fold("آذار")).isEqualTo(TextFolding.fold("اذار"));
        assertThat(TextFolding.fold("مدينة")).isEqualTo(TextFolding.fold("مدينه"));
        assertThat(TextFolding.fold("مستشفى")).isEqualTo(TextFolding.fold("مستشفي"));
        assertThat(TextFolding.fold("٣٠ نوفمبر")).isEqualTo("30 نوفمبر");
    }

    @Test
    void letters_fold_while_punctuation_stays_for_dates() {
        assertThat(TextFolding.foldLetters("1/12/2024 Dec")).isEqualTo("1/12/2024 dec");
        assertThat(TextFolding.foldLetters("٣٠-١١-٢٠٢٤")).isEqualTo("30-11-2024");
    }

    @Test
    void a_sentence_folds_without_citation_markers_quotes_or_dashes_and_maps_back_to_exact_offsets() {
        // The same sentence in two sample sources: one with citation markers, one without.
        String withMarkers = "Earlier text. In the early hours of 30 November 2024, rebel forces captured the Citadel of"
                + " Aleppo and the government headquarters in the city, [37] [45] as well as “more than half” of the city.";
        String plain = "In the early hours of 30 November 2024, rebel forces captured the Citadel of Aleppo and the"
                + " government headquarters in the city, as well as \"more than half\" of the city.";
        Folded folded = TextFolding.foldSentence(withMarkers);
        String needle = TextFolding.foldSentence(plain).text();
        int at = folded.text().indexOf(needle);
        assertThat(at).isPositive();
        int[] span = folded.originalSpan(at, at + needle.length());
        assertThat(withMarkers.substring(span[0], span[1])).startsWith("In the early hours").endsWith("of the city");
        assertThat(span[0]).isEqualTo(withMarkers.indexOf("In the early"));
        assertThat(TextFolding.foldSentence("the city—as well").text())
                .isEqualTo(TextFolding.foldSentence("the city - as  well").text());
        assertThat(TextFolding.foldSentence("killed[citation needed] (Reuters) today").text()).isEqualTo("killed today");
    }
}
