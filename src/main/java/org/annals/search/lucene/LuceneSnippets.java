package org.annals.search.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.annals.search.Snippet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The words of hits in context: the best one or two passages of about 25 words of a hit's text, with the
 * matched words marked, as {@link Snippet} parts (text and a match flag, never markup: the words are the
 * users'). Lucene's unified highlighter finds the matches from the offsets kept in the postings of the
 * text (folded) and of its stemmed twin, so "offensives" marks "offensive" without analysing the hit
 * again. A hit that matched only by its title or names shows the start of its text.
 */
final class LuceneSnippets {

    /** About 25 words: Arabic and English words average five to six letters and a space. */
    static final int PASSAGE_CHARS = 160;
    static final int PASSAGES = 2;
    static final String BETWEEN = " … ";
    static final String ELLIPSIS = "…";
    /** Matches further into a text than this are not looked for: passages are paragraphs, not books. */
    private static final int MAX_LENGTH = 50_000;

    /** Only used where offsets are not in the postings (never for the text); kept for the highlighter's sake. */
    private final Analyzer analyzer = SearchAnalyzers.folding();

    /** One snippet per document, in the order given, for the words of {@code words}. */
    List<Snippet> of(IndexSearcher searcher, Query words, int[] docIds, List<String> texts) throws IOException {
        if (docIds.length == 0) {
            return List.of();
        }
        var highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new PartsFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f))
                .withMaskedFieldsFunc(field -> LuceneFields.TEXT.equals(field)
                        ? Set.of(LuceneFields.TEXT_STEMMED) : Set.of())
                .withMaxNoHighlightPassages(1)
                .withMaxLength(MAX_LENGTH));
        Object[] found = highlighter.snippets(words, docIds);
        List<Snippet> snippets = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            snippets.add(found[i] instanceof Snippet snippet ? snippet : start(texts.get(i)));
        }
        return snippets;
    }

    /** The start of a text, cut after a word: when the highlighter gives nothing. */
    static Snippet start(String text) {
        String stripped = text.strip();
        if (stripped.length() <= PASSAGE_CHARS) {
            return Snippet.plain(stripped);
        }
        int cut = stripped.lastIndexOf(' ', PASSAGE_CHARS);
        return Snippet.plain(stripped.substring(0, cut > 0 ? cut : PASSAGE_CHARS) + " " + ELLIPSIS);
    }

    /** Opens the highlighter's results as objects: the parts our formatter makes. */
    private static final class Highlighter extends UnifiedHighlighter {

        Highlighter(Builder builder) {
            super(builder);
        }

        Object[] snippets(Query words, int[] docIds) throws IOException {
            int[] passages = {PASSAGES};
            return highlightFieldsAsObjects(new String[] {LuceneFields.TEXT}, words, docIds, passages)
                    .get(LuceneFields.TEXT);
        }
    }

    /** Passages in text order as plain and matched parts, joined with an ellipsis where text is left out. */
    static final class PartsFormatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            var parts = new Parts();
            int lastEnd = 0;
            for (Passage passage : passages) {
                int start = passage.getStartOffset();
                int end = passage.getEndOffset();
                while (start < end && Character.isWhitespace(content.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
                    end--;
                }
                if (start >= end) {
                    continue;
                }
                if (!parts.isEmpty()) {
                    parts.add(BETWEEN, false);
                } else if (start > 0) {
                    parts.add(ELLIPSIS + " ", false);
                }
                int at = start;
                for (int m = 0; m < passage.getNumMatches(); m++) {
                    int matchStart = Math.max(passage.getMatchStarts()[m], at);
                    int matchEnd = Math.min(passage.getMatchEnds()[m], end);
                    if (matchEnd <= matchStart) {
                        continue;
                    }
                    parts.add(content.substring(at, matchStart), false);
                    parts.add(content.substring(matchStart, matchEnd), true);
                    at = matchEnd;
                }
                parts.add(content.substring(at, end), false);
                lastEnd = end;
            }
            if (parts.isEmpty()) {
                return null;
            }
            int contentEnd = content.length();
            while (contentEnd > 0 && Character.isWhitespace(content.charAt(contentEnd - 1))) {
                contentEnd--;
            }
            if (lastEnd < contentEnd) {
                parts.add(" " + ELLIPSIS, false);
            }
            return parts.snippet();
        }
    }

    /** Collects parts, merging neighbours of the same kind and dropping empty ones. */
    private static final class Parts {

        private final List<Snippet.Part> parts = new ArrayList<>();

        void add(String text, boolean match) {
            if (text.isEmpty()) {
                return;
            }
            if (!parts.isEmpty() && parts.getLast().match() == match) {
                parts.set(parts.size() - 1, new Snippet.Part(parts.getLast().text() + text, match));
            } else {
                parts.add(new Snippet.Part(text, match));
            }
        }

        boolean isEmpty() {
            return parts.isEmpty();
        }

        Snippet snippet() {
            return new Snippet(parts);
        }
    }
}
