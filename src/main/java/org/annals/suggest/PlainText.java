package org.annals.suggest;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.annals.event.prefill.FoldedText;

/**
 * A text as the date and figure patterns read it: folded as search folds it ({@link FoldedText}: case, diacritics,
 * Arabic letter variants, Eastern Arabic digits) and without the citation markers that scraped pages leave inside
 * sentences ("5 December[3] 2024", "killed 11[a] civilians"), with the way back to the original's offsets. A span
 * read here covers the marker in the original, so an accepted suggestion quotes the words as they stand.
 */
final class PlainText {

    /** "[3]", "[a]", "[note 2]", "[citation needed]": what wiki-derived text puts between the words of a sentence. */
    private static final Pattern CITATION = Pattern.compile(
            "\\[(?:\\d{1,3}|[a-z]{1,2}|(?:note|nb|n)\\s*\\d{1,3}|citation needed|clarification needed|when\\?)\\]");

    private final FoldedText folding;
    private final String plain;
    /** For each char of {@link #plain}: its index in the folded text. */
    private final int[] folded;

    private PlainText(FoldedText folding, String plain, int[] folded) {
        this.folding = folding;
        this.plain = plain;
        this.folded = folded;
    }

    static PlainText of(String original) {
        FoldedText folding = FoldedText.of(original);
        String text = folding.folded();
        var plain = new StringBuilder(text.length());
        int[] index = new int[text.length()];
        var marker = CITATION.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (marker.find(at)) {
                for (int i = at; i < marker.start(); i++) {
                    index[plain.length()] = i;
                    plain.append(text.charAt(i));
                }
                at = marker.end();
            } else {
                for (int i = at; i < text.length(); i++) {
                    index[plain.length()] = i;
                    plain.append(text.charAt(i));
                }
                at = text.length();
            }
        }
        return new PlainText(folding, plain.toString(), Arrays.copyOf(index, plain.length()));
    }

    /** The folded words without citation markers: what patterns match. */
    String text() {
        return plain;
    }

    String original() {
        return folding.original();
    }

    /** Whether a citation marker was taken out between the plain chars {@code [start, end)}: a claim ends there. */
    boolean markerWithin(int start, int end) {
        for (int i = Math.max(start, 1); i < Math.min(end, folded.length); i++) {
            if (folded[i] - folded[i - 1] > 1) {
                return true;
            }
        }
        return false;
    }

    /** The original offset where the plain char at {@code index} comes from. */
    int originalStart(int index) {
        return index >= folded.length ? folding.original().length() : folding.originalStart(folded[index]);
    }

    /** The original offset just after the plain span that ends (exclusive) at {@code index}. */
    int originalEnd(int index) {
        if (index <= 0) {
            return 0;
        }
        return folding.originalEnd(folded[Math.min(index, folded.length) - 1] + 1);
    }
}
