package org.annals.source.parse.pdf;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins a word broken at a line end. A soft hyphen always goes. A hyphen goes when the document itself writes the
 * word whole elsewhere ("reconstruction"), stays when it writes it with the hyphen ("well-known") or when the
 * first part is an Arabic article as transliterations write it ("al-", "ash-", "el-") or the second part begins
 * with a capital or a digit ("al-Sham", "2011-2012"); otherwise it goes, as a typesetter's hyphen usually does.
 */
final class Hyphenation {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*");
    /** Article prefixes of transliterated Arabic names, written with a hyphen in English texts. */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ad", "ag", "ar", "as", "ash", "at", "az", "an",
            "adh", "dh", "ath", "ul", "bin", "bint", "abu", "umm", "ibn", "wal", "wa");
    private static final String HYPHENS = "-\u2010\u00AD";

    private final Set<String> words = new HashSet<>();

    /** Learns how the document writes its words, from all its lines. */
    Hyphenation(List<Line> lines) {
        for (Line line : lines) {
            Matcher m = WORD.matcher(line.text());
            while (m.find()) {
                // A hyphen at the very end of a line may be the typesetter's: it says nothing about the word.
                if (m.end() < line.text().length()) {
                    words.add(m.group().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Whether {@code text} ends with a hyphen that may break a word. */
    static boolean endsWithHyphen(String text) {
        return text.length() >= 2 && HYPHENS.indexOf(text.charAt(text.length() - 1)) >= 0
                && Character.isLetter(text.charAt(text.length() - 2));
    }

    /** Joins {@code before} (ending with a hyphen) and the next line {@code after}. */
    String join(String before, String after) {
        char hyphen = before.charAt(before.length() - 1);
        String stem = before.substring(0, before.length() - 1);
        if (hyphen == '\u00AD') {
            return stem + after;
        }
        String head = lastWord(stem);
        String tail = firstWord(after);
        if (tail.isEmpty()) {
            return before + after; // "pre- and post-war": the hyphen stands for a word left out
        }
        String whole = (head + tail).toLowerCase(Locale.ROOT);
        String hyphenated = (head + "-" + tail).toLowerCase(Locale.ROOT);
        boolean keep;
        if (words.contains(hyphenated) && !words.contains(whole)) {
            keep = true;
        } else if (words.contains(whole)) {
            keep = false;
        } else {
            keep = ARTICLES.contains(head.toLowerCase(Locale.ROOT)) || !Character.isLowerCase(tail.codePointAt(0));
        }
        return keep ? before + after : stem + after;
    }

    private static String lastWord(String text) {
        int i = text.length();
        while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || Character.getType(text.charAt(i - 1))
                == Character.NON_SPACING_MARK)) {
            i--;
        }
        return text.substring(i);
    }

    private static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return text.substring(0, i);
    }
}
