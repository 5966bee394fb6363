package org.annals.suggest;

import java.util.Arrays;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;

/**
 * Which paragraphs of a plain text hold the words a pattern cannot match without, so that the pattern runs over
 * those paragraphs alone. A date pattern that needs a month name has nothing to find in a paragraph without one,
 * and a figure needs a word for killed or injured; a long source is mostly paragraphs without them, and twenty
 * patterns each stepping through five megabytes cost seconds where one pass over the words costs a few
 * milliseconds. Paragraphs are the blocks of a frozen text (a blank line apart): a date or a figure does not
 * run from one block into the next.
 * <p>
 * Each paragraph gets a set of cue bits: {@link #DIGIT}, {@link #YEAR} (four digits together) and {@link #ARABIC}
 * from the shape of its words, and the reader's own bits for the words it names (folded, as the patterns see
 * them).
 */
final class Cues {

    static final long DIGIT = 1;
    static final long YEAR = 1 << 1;
    static final long ARABIC = 1 << 2;
    /** The first bit a reader may give its words. */
    static final long FIRST_WORD_BIT = 1 << 3;

    private final int[] starts;
    private final int[] ends;
    private final long[] bits;
    private final int count;
    /** The cue words themselves (and four-digit numbers), in text order: where, which bits, in which paragraph. */
    private final Words words;

    private Cues(int[] starts, int[] ends, long[] bits, int count, Words words) {
        this.starts = starts;
        this.ends = ends;
        this.bits = bits;
        this.count = count;
        this.words = words;
    }

    /** Growable columns of the cue words found. */
    private static final class Words {
        int count;
        int[] starts = new int[256];
        int[] ends = new int[256];
        int[] paragraphs = new int[256];
        long[] bits = new long[256];

        void add(int start, int end, int paragraph, long cue) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                paragraphs = Arrays.copyOf(paragraphs, count * 2);
                bits = Arrays.copyOf(bits, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            paragraphs[count] = paragraph;
            bits[count] = cue;
            count++;
        }
    }

    /** Reads the paragraphs of a folded text and the cues of their words ({@code words}: folded word to its bits). */
    static Cues of(String text, Map<String, Long> words) {
        var cueWords = new Words();
        int capacity = 64;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        long[] bits = new long[capacity];
        int count = 0;
        int paragraphStart = 0;
        long paragraphBits = 0;
        int n = text.length();
        int i = 0;
        while (i <= n) {
            if (i == n || isBlankLineAt(text, i)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                    bits = Arrays.copyOf(bits, count * 2);
                }
                starts[count] = paragraphStart;
                ends[count] = i;
                bits[count] = paragraphBits;
                count++;
                if (i == n) {
                    break;
                }
                i = afterBlankLine(text, i);
                paragraphStart = i;
                paragraphBits = 0;
                continue;
            }
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                int end = i;
                while (end < n && Character.isDigit(text.charAt(end))) {
                    end++;
                }
                if (end - i == 4) {
                    paragraphBits |= DIGIT | YEAR;
                    cueWords.add(i, end, count, YEAR);
                } else {
                    paragraphBits |= DIGIT;
                }
                i = end;
            } else if (Character.isLetter(c)) {
                int end = i;
                boolean arabic = false;
                while (end < n && Character.isLetter(text.charAt(end))) {
                    arabic |= isArabic(text.charAt(end));
                    end++;
                }
                if (arabic) {
                    paragraphBits |= ARABIC;
                } else {
                    Long cue = words.get(text.substring(i, end));
                    if (cue != null) {
                        paragraphBits |= cue;
                        cueWords.add(i, end, count, cue);
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return new Cues(starts, ends, bits, count, cueWords);
    }

    /** The Arabic blocks (letters, supplement, extended-A, presentation forms): a range check, not a table lookup. */
    private static boolean isArabic(char c) {
        return c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\u08A0' && c <= '\u08FF'
                || c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFF';
    }

    /** A line break followed, after spaces at most, by another one. */
    private static boolean isBlankLineAt(String text, int i) {
        if (text.charAt(i) != '\n') {
            return false;
        }
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return false;
    }

    private static int afterBlankLine(String text, int i) {
        int j = i;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    interface Found {
        void at(Matcher m);
    }

    /**
     * Runs the matcher over the paragraphs whose cues the pattern needs ({@code needs}), neighbouring ones as one
     * stretch, in text order. The bounds are transparent: a look-behind at a paragraph's start sees the text
     * before it, as it would over the whole text.
     */
    void find(Matcher m, LongPredicate needs, Found found) {
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int p = 0;
        while (p < count) {
            if (!needs.test(bits[p])) {
                p++;
                continue;
            }
            int first = p;
            while (p + 1 < count && needs.test(bits[p + 1])) {
                p++;
            }
            m.region(starts[first], ends[p]);
            while (m.find()) {
                found.at(m);
            }
            p++;
        }
    }

    /**
     * Runs the matcher only near the words with the {@code anchor} cue (from {@code before} chars before such a
     * word to {@code after} chars after it, within its paragraph), in paragraphs whose cues the pattern needs;
     * overlapping stretches are one. For patterns every match of which holds such a word within those distances:
     * a date that names a month is found around the month's name, at a fraction of the cost of reading every
     * word of the paragraph.
     */
    void findNear(Matcher m, long anchor, int before, int after, LongPredicate needs, Found found) {
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int from = -1;
        int to = -1;
        for (int w = 0; w < words.count; w++) {
            int paragraph = words.paragraphs[w];
            if ((words.bits[w] & anchor) == 0 || !needs.test(bits[paragraph])) {
                continue;
            }
            int start = Math.max(starts[paragraph], words.starts[w] - before);
            int end = Math.min(ends[paragraph], words.ends[w] + after);
            if (from >= 0 && start <= to) {
                to = Math.max(to, end);
                continue;
            }
            if (from >= 0) {
                run(m, from, to, found);
            }
            from = start;
            to = end;
        }
        if (from >= 0) {
            run(m, from, to, found);
        }
    }

    private static void run(Matcher m, int from, int to, Found found) {
        m.region(from, to);
        while (m.find()) {
            found.at(m);
        }
    }

    /** Where in a text a pattern is run: {@link #in} some paragraphs, or {@link #near} some words of them. */
    interface Where {
        void find(Cues cues, Matcher m, Found found);
    }

    /** In the paragraphs whose cues the pattern needs. */
    static Where in(LongPredicate needs) {
        return (cues, m, found) -> cues.find(m, needs, found);
    }

    /** Near the words with the {@code anchor} cue, in the paragraphs whose cues the pattern needs. */
    static Where near(long anchor, int before, int after, LongPredicate needs) {
        return (cues, m, found) -> cues.findNear(m, anchor, before, after, needs, found);
    }

    /** Paragraphs with every one of these cues. */
    static LongPredicate all(long wanted) {
        return bits -> (bits & wanted) == wanted;
    }

    /** Paragraphs with any of these cues. */
    static LongPredicate any(long wanted) {
        return bits -> (bits & wanted) != 0;
    }
}
