package org.annals.search.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * How text becomes words, the same at indexing and at query time. Every script: ICU's tokenizer finds
 * words (Arabic, Latin, CJK alike); Arabic letter variants are normalised (alef forms, ta marbuta, alef
 * maqsura, tatweel, harakat); ICU folding removes case and diacritics. The stemmed field also reduces
 * English words to their stems and strips Arabic prefixes and suffixes (light stemming), so "offensives"
 * finds "offensive" and "والمدينة" finds "مدينة"; the unstemmed field serves phrases, prefixes and names.
 */
final class SearchAnalyzers {

    private SearchAnalyzers() {
    }

    /** Words folded, not stemmed. */
    static Analyzer folding() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer words = new ICUTokenizer();
                TokenStream folded = new ICUFoldingFilter(new ArabicNormalizationFilter(words));
                return new TokenStreamComponents(words, folded);
            }
        };
    }

    /** Words folded and stemmed (English and Arabic). */
    static Analyzer stemming() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer words = new ICUTokenizer();
                TokenStream stream = new ArabicNormalizationFilter(words);
                stream = new ArabicStemFilter(stream);
                stream = new ICUFoldingFilter(stream);
                stream = new EnglishPossessiveFilter(stream);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(words, stream);
            }
        };
    }

    /** The analyser of every field of a document, by field name. */
    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(folding(), Map.of(LuceneFields.TEXT_STEMMED, stemming()));
    }
}
