package org.annals.annotation;

import org.annals.source.AnchorText;

/**
 * Moves one edge of a span by a word, staying inside the span's passage: "extend" takes in the next
 * word beyond the edge, "shrink" gives back the last word inside it. Words are runs of characters
 * between white space, so Arabic, Latin and numbers step alike; a span never shrinks to nothing.
 */
final class WordSteps {

    enum Edge { START, END }

    private WordSteps() {
    }

    static int[] step(AnchorText text, int start, int end, Edge edge, boolean extend) {
        int passage = text.passageAt(start).orElseThrow();
        int low = text.passageStart(passage);
        int high = text.passageEnd(passage);
        String s = text.slice(low, high);
        int a = start - low;
        int b = end - low;
        if (edge == Edge.END) {
            b = extend ? nextWordEnd(s, b) : previousWordEnd(s, a, b);
        } else {
            a = extend ? previousWordStart(s, a) : nextWordStart(s, a, b);
        }
        return new int[] {low + a, low + b};
    }

    private static int nextWordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int previousWordEnd(String s, int start, int end) {
        int i = end;
        while (i > start && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        while (i > start && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i > start ? i : end;
    }

    private static int previousWordStart(String s, int from) {
        int i = from;
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int nextWordStart(String s, int start, int end) {
        int i = start;
        while (i < end && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i < end ? i : start;
    }
}
