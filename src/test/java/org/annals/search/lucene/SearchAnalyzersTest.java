package org.annals.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzersTest {

    private static final Analyzer FOLDING = SearchAnalyzers.folding();
    private static final Analyzer STEMMING = SearchAnalyzers.stemming();

    @Test
    void case_and_diacritics_fold_in_latin_script() {
        assertThat(words(FOLDING, "Aleppo ALEPPO")).containsExactly("aleppo", "aleppo");
        assertThat(words(FOLDING, "Hamā Ḥamāh")).containsExactly("hama", "hamah");
        assertThat(words(FOLDING, "İdlib IDLIB idlib")).containsExactly("idlib", "idlib", "idlib");
        assertThat(words(FOLDING, "Ḥalab Çatalhöyük")).containsExactly("halab", "catalhoyuk");
    }

    @Test
    void arabic_letter_variants_are_one_word() {
        assertThat(words(FOLDING, "أحمد إحمد آحمد ٱحمد احمد")).containsOnly("احمد");
        assertThat(words(FOLDING, "مدينة مدينه")).containsOnly("مدينه");
        assertThat(words(FOLDING, "على علي")).containsOnly("علي");
        assertThat(words(FOLDING, "مـــدينة")).containsOnly("مدينه");
        assertThat(words(FOLDING, "مَدِينَةٌ")).containsOnly("مدينه");
    }

    @Test
    void arabic_presentation_forms_are_normalised_after_folding() {
        // ﺃﺣﻤﺪ: presentation forms, which only folding's NFKC turns into letters the Arabic normaliser knows
        assertThat(words(FOLDING, "\uFE83\uFEA3\uFEE4\uFEAA")).containsExactly("احمد");
    }

    @Test
    void english_words_are_stemmed_on_the_stemmed_field_only() {
        assertThat(words(STEMMING, "offensives offensive Offensive's")).containsOnly("offens");
        assertThat(words(FOLDING, "offensives offensive")).containsExactly("offensives", "offensive");
    }

    @Test
    void arabic_article_conjunction_and_suffixes_are_stripped_after_normalisation() {
        assertThat(words(STEMMING, "مدينة المدينة والمدينة بالمدينة للمدينة")).containsOnly(words(STEMMING, "مدينة").getFirst());
        assertThat(words(STEMMING, "وحلب")).isEqualTo(words(STEMMING, "حلب"));
    }

    @Test
    void hyphenated_names_are_two_words() {
        assertThat(words(FOLDING, "al-Jolani")).containsExactly("al", "jolani");
    }

    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return words;
    }
}
