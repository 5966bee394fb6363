package org.annals.annotation.ui;

import java.util.Arrays;
import java.util.Optional;
import org.annals.base.TextFolding;

/**
 * Where some words occur in a source's text ("find in this source"), compared as everywhere else in
 * Annals ({@link TextFolding}): case, diacritics and Arabic harakat do not count, the Arabic alef forms,
 * taa marbuta and alef maksura match their plain letters, tatweel is ignored, and a run of punctuation
 * or spaces matches any other run. The hits are UTF-16 offsets {@code [start, end)} of the original
 * text, so the browser can mark them whatever it has laid out. Matching runs on the whole text on the
 * server, never on what the browser happens to have drawn.
 *
 * <p>All hits are counted; the first {@link #KEPT} are kept to step through, so that a one-letter
 * query in a text of several megabytes costs a bounded amount of memory.
 */
public final class TextHits {

    /** Hits kept for stepping through; more are only counted. */
    static final int KEPT = 10_000;
    /** Longest query looked for: a find bar is for words and phrases, not for pasting pages. */
    static final int MAX_QUERY = 500;

    static final TextHits NONE = new TextHits(0, new int[0], new int[0]);

    private final int total;
    private final int[] starts;
    private final int[] ends;

    private TextHits(int total, int[] starts, int[] ends) {
        this.total = total;
        this.starts = starts;
        this.ends = ends;
    }

    /** Every occurrence of the query in the text, in text order; nothing for a query of only spaces or marks. */
    static TextHits find(String text, String query) {
        return find(text, query, KEPT);
    }

    static TextHits find(String text, String query, int keep) {
        String needle = TextFolding.fold(query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query);
        if (needle.isEmpty()) {
            return NONE;
        }
        TextFolding.Folded folded = TextFolding.foldWithOffsets(text);
        String haystack = folded.text();
        int[] starts = new int[16];
        int[] ends = new int[16];
        int kept = 0;
        int total = 0;
        int lastStart = -1;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            int[] span = folded.originalSpan(at, at + needle.length());
            // One character can fold into several ("ß" into "ss"): both halves are the same original hit.
            if (span[0] == lastStart) {
                continue;
            }
            lastStart = span[0];
            total++;
            if (kept < keep) {
                int end = span[1];
                // Harakat and other marks on the last letter belong to the hit.
                while (end < text.length() && TextFolding.foldsAway(text.charAt(end))) {
                    end++;
                }
                if (kept == starts.length) {
                    starts = Arrays.copyOf(starts, kept * 2);
                    ends = Arrays.copyOf(ends, kept * 2);
                }
                starts[kept] = span[0];
                ends[kept] = end;
                kept++;
            }
        }
        return new TextHits(total, Arrays.copyOf(starts, kept), Arrays.copyOf(ends, kept));
    }

    /** How many hits the text has. */
    int total() {
        return total;
    }

    /** How many hits can be stepped through (at most {@link #KEPT}). */
    int kept() {
        return starts.length;
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    /** The first kept hit that starts at or after the offset, wrapping round to the first; -1 without hits. */
    int firstAtOrAfter(int offset) {
        if (starts.length == 0) {
            return -1;
        }
        int at = lowerBound(offset);
        return at < starts.length ? at : 0;
    }

    /** The last kept hit that starts before the offset, wrapping round to the last; -1 without hits. */
    int lastBefore(int offset) {
        if (starts.length == 0) {
            return -1;
        }
        int at = lowerBound(offset) - 1;
        return at >= 0 ? at : starts.length - 1;
    }

    /** The kept hit that overlaps {@code [start, end)}, if one does (the first of them). */
    Optional<Integer> overlapping(int start, int end) {
        int at = lowerBound(start);
        // The hit before may reach into the range; hits are in order and rarely overlap one another.
        if (at > 0 && ends[at - 1] > start) {
            return Optional.of(at - 1);
        }
        return at < starts.length && starts[at] < Math.max(end, start + 1) ? Optional.of(at) : Optional.empty();
    }

    private int lowerBound(int offset) {
        int at = Arrays.binarySearch(starts, offset);
        if (at < 0) {
            return -at - 1;
        }
        while (at > 0 && starts[at - 1] == offset) {
            at--;
        }
        return at;
    }

    /**
     * Reads an address's {@code at} parameter, "start-end" in UTF-16 offsets of the text, 0 ≤ start &lt;
     * end ≤ length; anything else is nothing (the page then opens at the top).
     */
    static Optional<int[]> parseRange(String value, int textLength) {
        if (value == null || value.length() > 21 || !value.matches("\\d{1,10}-\\d{1,10}")) {
            return Optional.empty();
        }
        int dash = value.indexOf('-');
        long start = Long.parseLong(value.substring(0, dash));
        long end = Long.parseLong(value.substring(dash + 1));
        return start < end && end <= textLength ? Optional.of(new int[] {(int) start, (int) end}) : Optional.empty();
    }
}
