package org.annals.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A text as search's unstemmed field sees it ({@link SearchAnalyzers#folding()}): its words, folded (case,
 * diacritics, Arabic letter variants), each with its UTF-16 offsets in the text. For features that must find
 * words exactly as search does (the registry names suggested in a source), without seeing a Lucene type and
 * without a second copy of the analyser. Thread-safe: Lucene reuses one token stream per thread.
 */
public final class FoldedWords {

    /** One word: its folded form and where it stands in the text, {@code [start, end)}. */
    public record Word(String folded, int start, int end) {
    }

    /** Receives the words of a text in order, without a list of them (a source of 5 MB has a million). */
    @FunctionalInterface
    public interface Visitor {
        void word(String folded, int start, int end);
    }

    private static final String FIELD = "words";
    private static final Analyzer FOLDING = SearchAnalyzers.folding();
    private static final Set<String> STOP_WORDS = stopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            ArabicAnalyzer.getDefaultStopSet());

    private FoldedWords() {
    }

    public static List<Word> of(String text) {
        var words = new ArrayList<Word>();
        forEach(text, (folded, start, end) -> words.add(new Word(folded, start, end)));
        return words;
    }

    public static void forEach(String text, Visitor visitor) {
        try (TokenStream stream = FOLDING.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                // The possessive filter drops "'s" from the word; the span should not keep it either.
                if (end - start >= 3 && isPossessive(text, end) && !keptPossessive(term)) {
                    end -= 2;
                }
                visitor.word(term.toString(), start, end);
            }
            stream.end();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
    }

    /** A text folded as one string: its words joined by single spaces ("Hay’at  Taḥrīr" → "hay’at tahrir"). */
    public static String fold(String text) {
        var folded = new StringBuilder();
        forEach(text, (word, start, end) -> folded.append(folded.isEmpty() ? "" : " ").append(word));
        return folded.toString();
    }

    /**
     * Lucene's common words of English and Arabic, folded as words are: what never makes a name on its own. Not
     * a list of our own: the same words the analysers of both languages leave out.
     */
    public static Set<String> stopWords() {
        return STOP_WORDS;
    }

    private static Set<String> stopWords(CharArraySet... sets) {
        var words = new HashSet<String>();
        for (CharArraySet set : sets) {
            for (Object word : set) {
                String text = word instanceof char[] chars ? new String(chars) : word.toString();
                forEach(text, (folded, start, end) -> words.add(folded));
            }
        }
        return Set.copyOf(words);
    }

    private static boolean isPossessive(String text, int end) {
        char s = text.charAt(end - 1);
        char apostrophe = text.charAt(end - 2);
        return (s == 's' || s == 'S') && (apostrophe == '\'' || apostrophe == '\u2019');
    }

    private static boolean keptPossessive(CharTermAttribute term) {
        int n = term.length();
        return n >= 2 && term.charAt(n - 1) == 's' && (term.charAt(n - 2) == '\'' || term.charAt(n - 2) == '\u2019');
    }
}
