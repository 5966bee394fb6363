package org.annals.base;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterEnums.ECharacterCategory;
import com.ibm.icu.text.Normalizer2;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way to compare text in every script, shared by the link search, the duplicate warning and the
 * "same words elsewhere" lookup: case folded, diacritics and Arabic harakat dropped, Arabic alef forms,
 * alef maksura, taa marbuta and Arabic-Indic digits made one, tatweel dropped, and every run of
 * punctuation, symbols and white space turned into one space. "Ḥalab", "HALAB" and "halab" fold alike,
 * and so do "حَلَب" and "حلب", or "أيلول" and "ايلول".
 *
 * <p>Each character folds on its own (into nothing, one or a few characters), so a folded text keeps,
 * for every character, the offset of the original character it came from: a match found in the folded
 * text maps back to exact offsets of the frozen text. The table for the Basic Multilingual Plane is built
 * once with ICU (case folding, NFKD decomposition); characters outside it are kept as they are.
 */
public final class TextFolding {

    /** A folded character that stands for a run of separators. */
    private static final char SEPARATOR = ' ';
    private static final String[] TABLE = buildTable();

    /**
     * Citation markers that sources add to the same sentence: "[1]", "[a]", "[citation needed]",
     * "[note 3]", and agency credits such as "(Reuters)" or "(AFP)".
     */
    private static final Pattern CITATION_MARKERS = Pattern.compile(
            "\\[(?:\\d{1,4}|[a-z]|note \\d{1,4}|citation needed|clarification needed|when\\?|who\\?|dubious"
                    + "|better source needed|failed verification|verification needed|ar|en|fr)]"
                    + "|\\((?:Reuters|AFP|AP|Associated Press|Agence France-Presse|SANA|SOHR|Al Jazeera|BBC|CNN|Anadolu)\\)",
            Pattern.CASE_INSENSITIVE);

    private TextFolding() {
    }

    /** The folded form of a name, a word or a query, with leading and trailing separators removed. */
    public static String fold(String text) {
        return folded(text, false, false).text();
    }

    /** Folds letters and digits only, keeping punctuation and spaces as typed (for reading dates like 1/12/2024). */
    public static String foldLetters(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String f = TABLE[c];
            out.append(f == null ? String.valueOf(c) : f.equals(" ") ? String.valueOf(c) : f);
        }
        return out.toString();
    }

    /**
     * The folded form of a sentence for finding it in other sources: as {@link #fold}, with citation
     * markers dropped as well, and with the original offset of every folded character.
     */
    public static Folded foldSentence(String text) {
        return folded(text, true, true);
    }

    /**
     * As {@link #fold}, with the original offset of every folded character (citation markers kept): for
     * finding words in a text and marking exactly where they are ("find in this source").
     */
    public static Folded foldWithOffsets(String text) {
        return folded(text, false, true);
    }

    /**
     * Whether a character folds into nothing (a diacritic, a haraka, tatweel, a format character): such
     * characters after the last letter of a match belong to it, so that a mark covers "حَلَبَ" whole.
     */
    public static boolean foldsAway(char c) {
        String f = TABLE[c];
        return f != null && f.isEmpty();
    }

    /** As {@link #foldSentence}, the folded text alone: for searching many texts without keeping offsets. */
    public static String foldSentenceText(String text) {
        return folded(text, true, false).text();
    }

    /**
     * A folded text and where each of its characters came from: {@code origin(i)} is the offset in the
     * original text of folded character {@code i}, {@code originEnd(i)} the offset just after it.
     */
    public record Folded(String text, int[] starts, int[] ends) {

        /** The original span of the folded span {@code [start, end)}; end must be greater than start. */
        public int[] originalSpan(int start, int end) {
            return new int[] {starts[start], ends[end - 1]};
        }
    }

    private static Folded folded(String text, boolean dropCitations, boolean withOffsets) {
        String source = dropCitations ? blankCitations(text) : text;
        var out = new StringBuilder(source.length());
        int[] starts = new int[withOffsets ? source.length() + 8 : 0];
        int[] ends = new int[withOffsets ? source.length() + 8 : 0];
        boolean pendingSeparator = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            String f = TABLE[c]; // null: the character stays as it is (most of a text), without allocating
            if (f != null && f.isEmpty()) {
                continue;
            }
            if (f != null && f.charAt(0) == SEPARATOR) {
                pendingSeparator = out.length() > 0;
                continue;
            }
            if (pendingSeparator) {
                if (withOffsets) {
                    int at = out.length();
                    starts = grow(starts, at + 1);
                    ends = grow(ends, at + 1);
                    starts[at] = ends[at - 1];
                    ends[at] = i;
                }
                out.append(SEPARATOR);
                pendingSeparator = false;
            }
            int count = f == null ? 1 : f.length();
            for (int k = 0; k < count; k++) {
                if (withOffsets) {
                    int at = out.length();
                    starts = grow(starts, at + 1);
                    ends = grow(ends, at + 1);
                    starts[at] = i;
                    ends[at] = i + 1;
                }
                out.append(f == null ? c : f.charAt(k));
            }
        }
        int n = withOffsets ? out.length() : 0;
        return new Folded(out.toString(), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
    }

    /** Replaces citation markers by spaces of the same length, so offsets stay those of the original. */
    private static String blankCitations(String text) {
        Matcher m = CITATION_MARKERS.matcher(text);
        if (!m.find()) {
            return text;
        }
        char[] chars = text.toCharArray();
        do {
            java.util.Arrays.fill(chars, m.start(), m.end(), ' ');
        } while (m.find());
        return new String(chars);
    }

    private static int[] grow(int[] array, int size) {
        return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    /**
     * For each BMP character: null (kept as it is), "" (dropped: marks, tatweel, format characters),
     * " " (a separator) or its folded letters.
     */
    private static String[] buildTable() {
        Normalizer2 nfkd = Normalizer2.getNFKDInstance();
        String[] table = new String[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            table[c] = foldOne(c, nfkd);
        }
        return table;
    }

    private static String foldOne(int c, Normalizer2 nfkd) {
        switch (c) {
            case 0x0640: // tatweel
                return "";
            case 0x0649: // alef maksura
                return "\u064A";
            case 0x0629: // taa marbuta
                return "\u0647";
            case 0x0671: // alef wasla
                return "\u0627";
            default:
                break;
        }
        int type = UCharacter.getType(c);
        if (type == ECharacterCategory.NON_SPACING_MARK || type == ECharacterCategory.ENCLOSING_MARK
                || type == ECharacterCategory.COMBINING_SPACING_MARK || type == ECharacterCategory.FORMAT) {
            return "";
        }
        if (!UCharacter.isLetterOrDigit(c)) {
            return " ";
        }
        if (type == ECharacterCategory.DECIMAL_DIGIT_NUMBER) {
            int digit = UCharacter.digit(c, 10);
            return digit >= 0 ? String.valueOf((char) ('0' + digit)) : null;
        }
        String decomposed = nfkd.normalize(UCharacter.foldCase(new String(Character.toChars(c)), true));
        var kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            int dType = UCharacter.getType(d);
            if (dType == ECharacterCategory.NON_SPACING_MARK || dType == ECharacterCategory.ENCLOSING_MARK
                    || dType == ECharacterCategory.COMBINING_SPACING_MARK || d == 0x0640) {
                continue;
            }
            kept.append(d == 0x0649 ? '\u064A' : d == 0x0629 ? '\u0647' : d == 0x0671 ? '\u0627' : d);
        }
        String result = kept.toString();
        return result.equals(String.valueOf((char) c)) ? null : result;
    }
}
