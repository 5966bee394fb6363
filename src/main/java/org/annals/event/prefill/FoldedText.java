package org.annals.event.prefill;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * A text folded for matching names and words in any script, with the way back to the original's
 * offsets: compatibility forms (NFKC), case folding, diacritics and Arabic harakat removed, the Arabic
 * letters people write interchangeably made one (alef forms, taa marbuta and haa, alef maksura and
 * yaa), tatweel dropped, and Eastern Arabic digits made ASCII. The same folding as search is meant to
 * use, so a name found here is found there.
 */
public final class FoldedText {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private final String original;
    private final String folded;
    /** For each char of {@link #folded}: the offset in the original where the code point it came from starts. */
    private final int[] origin;
    private final int originalLength;

    private FoldedText(String original, String folded, int[] origin, int originalLength) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
        this.originalLength = originalLength;
    }

    public static FoldedText of(String text) {
        var out = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 2 + 8];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp < 0x80) {
                // ASCII folds to itself in lower case: most of an English text, without a normaliser call per char
                if (out.length() == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                origin[out.length()] = i;
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
                i++;
                continue;
            }
            String piece = foldCodePoint(cp);
            for (int k = 0; k < piece.length(); k++) {
                if (out.length() == origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                origin[out.length()] = i;
                out.append(piece.charAt(k));
            }
            i += Character.charCount(cp);
        }
        return new FoldedText(text, out.toString(), java.util.Arrays.copyOf(origin, out.length()), text.length());
    }

    /** Folds a whole string (a name or an alias) the same way, without the offsets. */
    public static String fold(String text) {
        return of(text).folded().strip().replaceAll("\\s+", " ");
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /** The original offset where the folded char at {@code index} comes from. */
    public int originalStart(int index) {
        return index >= origin.length ? originalLength : origin[index];
    }

    /** The original offset just after the folded span that ends (exclusive) at {@code index}. */
    public int originalEnd(int index) {
        if (index <= 0) {
            return 0;
        }
        if (index >= origin.length) {
            return originalLength;
        }
        // The end is where the next original code point starts (marks dropped in between belong to the word).
        int last = origin[index - 1];
        int j = index;
        while (j < origin.length && origin[j] == last) {
            j++;
        }
        return j < origin.length ? origin[j] : originalLength;
    }

    private static String foldCodePoint(int cp) {
        switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671 -> { // آ أ إ ٱ
                return "\u0627";
            }
            case 0x0629 -> { // ة
                return "\u0647";
            }
            case 0x0649 -> { // ى
                return "\u064A";
            }
            case 0x0640 -> { // tatweel
                return "";
            }
            default -> {
                // fall through to the general folding
            }
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return Character.toString('0' + cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return Character.toString('0' + cp - 0x06F0);
        }
        String compatible = NFKC.normalize(Character.toString(cp));
        String decomposed = NFD.normalize(UCharacter.foldCase(compatible, true));
        var kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || c == 0x0640) {
                return;
            }
            // An Arabic presentation form may decompose to letters that need the same folding.
            kept.append(c == cp ? Character.toString(c) : foldSimple(c));
        });
        return kept.toString();
    }

    private static String foldSimple(int c) {
        return switch (c) {
            case 0x0622, 0x0623, 0x0625, 0x0671 -> "\u0627";
            case 0x0629 -> "\u0647";
            case 0x0649 -> "\u064A";
            default -> Character.toString(c);
        };
    }
}
