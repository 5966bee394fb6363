package org.annals.search.lucene;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.RuleBasedBreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizerConfig;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.shingle.ShingleFilter;

/**
 * How text becomes words, the same at indexing and at query time. Every script: ICU's tokenizer finds
 * words (Arabic, Latin, CJK alike); ICU folding removes case and diacritics ("Hamā" = "hama", "İdlib" =
 * "idlib"); Arabic letter variants are normalised (alef forms, ta marbuta, alef maqsura, tatweel, harakat).
 * The stemmed field also reduces English words to their stems and strips the Arabic article, conjunction
 * and suffixes (light stemming), so "offensives" finds "offensive" and "والمدينة" finds "مدينة"; the
 * unstemmed field serves phrases, prefixes, names and the highlighter.
 * <p>
 * The order matters. Folding comes first: its NFKC step turns Arabic presentation forms (ﻻ, ﺃ) into the
 * letters the Arabic normaliser knows, and it lower-cases what the English filters expect. The normaliser
 * then maps what folding leaves alone (ة to ه, ى to ي, أ إ آ to ا, tatweel; harakat are removed by
 * both). Stemmers come last: they expect normalised, lower-case words. Light stemming removes the
 * prefixes ال وال بال كال فال لل و (not a lone ب or ل: too many words begin with them) and common suffixes.
 */
final class SearchAnalyzers {

    /** Letters no filter maps: alef wasla (ٱ, Quranic spelling) and the Persian forms of yeh and kaf. */
    private static final NormalizeCharMap LETTERS = letters();

    /** Keeps phrases from matching across two values of a multi-valued field (two aliases). */
    private static final int GAP_BETWEEN_VALUES = 100;

    /** Finds words with ICU's own rules (see {@link IcuWords}). */
    private static final ICUTokenizerConfig WORDS = new IcuWords();

    private SearchAnalyzers() {
    }

    private static NormalizeCharMap letters() {
        var map = new NormalizeCharMap.Builder();
        map.add("\u0671", "\u0627");
        map.add("\u06CC", "\u064A");
        map.add("\u06A9", "\u0643");
        return map.build();
    }

    /** Words folded and normalised, not stemmed. */
    static Analyzer folding() {
        return new WordsAnalyzer(false);
    }

    /** Words folded, normalised and stemmed (English and Arabic). */
    static Analyzer stemming() {
        return new WordsAnalyzer(true);
    }

    /** Words folded and normalised, as pairs of neighbours ("siege of", "of maarat"): for exact phrases. */
    static Analyzer pairs() {
        return new PairsAnalyzer();
    }

    /** The analyser of every field of a document, by field name. */
    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(folding(), Map.of(LuceneFields.TEXT_STEMMED, stemming(),
                LuceneFields.TEXT_PAIRS, pairs()));
    }

    /**
     * Word boundaries by the Unicode rules (UAX #29) as ICU4J itself ships them, with its dictionaries for
     * scripts written without spaces (Thai, Khmer, Chinese, Japanese). Lucene's default configuration loads
     * rules compiled for the ICU it was built with (77), which our ICU4J (79) refuses to read ("ICU data
     * file error: Header authentication failed"); this one needs no data of Lucene's.
     */
    private static final class IcuWords extends ICUTokenizerConfig {

        @Override
        public RuleBasedBreakIterator getBreakIterator(int script) {
            return (RuleBasedBreakIterator) BreakIterator.getWordInstance(ULocale.ROOT);
        }

        @Override
        public String getType(int script, int ruleStatus) {
            if (ruleStatus >= RuleBasedBreakIterator.WORD_IDEO && ruleStatus < RuleBasedBreakIterator.WORD_IDEO_LIMIT) {
                return "<IDEOGRAPHIC>";
            }
            if (ruleStatus >= RuleBasedBreakIterator.WORD_KANA && ruleStatus < RuleBasedBreakIterator.WORD_KANA_LIMIT) {
                return "<KANA>";
            }
            if (ruleStatus >= RuleBasedBreakIterator.WORD_NUMBER && ruleStatus < RuleBasedBreakIterator.WORD_NUMBER_LIMIT) {
                return "<NUM>";
            }
            return "<ALPHANUM>";
        }

        @Override
        public boolean combineCJ() {
            return true;
        }
    }

    /** The folded words, as pairs of neighbours only (a text of one word has none). */
    private static final class PairsAnalyzer extends Analyzer {

        private final WordsAnalyzer words = new WordsAnalyzer(false);

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(LETTERS, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new ICUTokenizer(WORDS);
            TokenStream stream = words.filters(tokenizer);
            var pairs = new ShingleFilter(stream, 2, 2);
            pairs.setOutputUnigrams(false);
            return new TokenStreamComponents(tokenizer, pairs);
        }
    }

    private static final class WordsAnalyzer extends Analyzer {

        private final boolean stem;

        WordsAnalyzer(boolean stem) {
            this.stem = stem;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(LETTERS, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = new ICUTokenizer(WORDS);
            return new TokenStreamComponents(words, filters(words));
        }

        TokenStream filters(Tokenizer words) {
            TokenStream stream = new ICUFoldingFilter(words);
            stream = new ArabicNormalizationFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            if (stem) {
                stream = new ArabicStemFilter(stream);
                stream = new PorterStemFilter(stream);
            }
            return stream;
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return GAP_BETWEEN_VALUES;
        }
    }
}
