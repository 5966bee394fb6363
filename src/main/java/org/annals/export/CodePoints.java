package org.annals.export;

import java.util.Arrays;

/**
 * Turns offsets in UTF-16 code units (how Annals stores them, as Java and JavaScript count) into Unicode code
 * points, the "character number" the W3C Web Annotation TextPositionSelector counts in. The two differ by one for
 * every character outside the Basic Multilingual Plane (most emoji, some CJK and historic scripts) before the
 * offset, so only the positions of those are kept: nothing at all for most texts.
 */
final class CodePoints {

    private static final int[] NONE = new int[0];
    static final CodePoints BMP_ONLY = new CodePoints(NONE);

    /** The UTF-16 index of the high surrogate of every surrogate pair, ascending. */
    private final int[] pairs;

    private CodePoints(int[] pairs) {
        this.pairs = pairs;
    }

    static CodePoints of(String text) {
        int[] found = NONE;
        int count = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            if (Character.isHighSurrogate(text.charAt(i)) && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(8, count * 2));
                }
                found[count++] = i;
                i++;
            }
        }
        return count == 0 ? BMP_ONLY : new CodePoints(Arrays.copyOf(found, count));
    }

    /** The code point offset of a UTF-16 offset: the offset less the surrogate pairs that end before it. */
    int of(int utf16Offset) {
        // Pairs whose high surrogate lies at an index below offset - 1 end before the offset; an offset between the
        // two halves of a pair (never stored: selections keep pairs whole) counts that pair's code point as before it.
        int index = Arrays.binarySearch(pairs, utf16Offset - 1);
        int before = index >= 0 ? index : -index - 1;
        return utf16Offset - before;
    }
}
