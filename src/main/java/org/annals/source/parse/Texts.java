package org.annals.source.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/** Small text helpers shared by the format parsers. All are linear in the length of their input. */
final class Texts {

    /**
     * Something that looks like a complete tag ({@code <span …>}, {@code </span>}, {@code <br/>}) or an HTML
     * comment. This only decides whether a line needs jsoup at all; the tags themselves are never taken apart
     * with a regular expression. {@code [^<>]*} stops at the next angle bracket, so a search stays linear.
     */
    private static final Pattern TAG_LIKE = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>|<!--");

    /** Citation markers as Wikipedia renders them: {@code [27]}, {@code [a]}. */
    private static final Pattern CITATION = Pattern.compile("\\[(?:\\d{1,4}|[a-z])\\]");

    private Texts() {
    }

    /** Unifies line endings to {@code \n} and drops a byte order mark, so every parser sees the same input. */
    static String normalizeNewlines(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** How many lines {@link #lines} would return, counted without making them. */
    static long countLines(String text) {
        long lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                lines++;
            }
        }
        return lines;
    }

    static List<String> lines(String text) {
        String s = normalizeNewlines(text);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines.add(s.substring(start, i));
                start = i + 1;
            }
        }
        lines.add(s.substring(start));
        return lines;
    }

    /**
     * Whitespace as a reader sees it: besides tabs and line breaks this includes no-break and other Unicode
     * spaces, which scraped pages are full of ({@code String.strip()} would keep them).
     */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Trims and collapses every run of whitespace into one plain space. */
    static String collapse(CharSequence text) {
        if (text instanceof String s && isCollapsed(s)) {
            return s; // the common case once a line has been cleaned: no copy
        }
        // Every Unicode space character is in the BMP, so a char-wise scan sees all of them; surrogate pairs
        // (emoji, rare scripts) are copied through unchanged.
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isCollapsed(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
            return false;
        }
        boolean previousSpace = false;
        for (int i = 1; i < n - 1; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previousSpace) {
                    return false;
                }
                previousSpace = true;
            } else if (c > ' ' && c < 0x80) {
                previousSpace = false;
            } else if (isSpace(c)) {
                return false;
            } else {
                previousSpace = false;
            }
        }
        return true;
    }

    static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (!isSpace(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Number of leading whitespace characters (no-break spaces included). */
    static int indent(String line) {
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * How many start tags ({@code <} followed by a letter) the text holds: an upper bound of the elements an HTML
     * parser would build from it, found without building any.
     */
    static long countTagStarts(String text) {
        long tags = 0;
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char next = text.charAt(i + 1);
            if (next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z') {
                tags++;
            }
        }
        return tags;
    }

    static boolean hasTag(String text) {
        return text.indexOf('<') >= 0 && TAG_LIKE.matcher(text).find();
    }

    /**
     * Plain text of a line that may hold stray HTML (scraped pages leave {@code <span class=…>} behind).
     * jsoup does the parsing; script and style content never reaches {@code text()}.
     */
    static String withoutTags(String text) {
        if (hasTag(text)) {
            return collapse(Jsoup.parseBodyFragment(text).text());
        }
        return text;
    }

    /** Decodes {@code &amp;}-style entities, for formats (Markdown, wikitext) where they are part of the syntax. */
    static String unescapeEntities(String text) {
        if (text.indexOf('&') < 0 || text.indexOf(';') < 0) {
            return text;
        }
        return Parser.unescapeEntities(text, false);
    }

    static boolean hasCitationMarker(String text) {
        return text.indexOf('[') >= 0 && CITATION.matcher(text).find();
    }

    /**
     * Whether a line ends a sentence: a final {@code .}, {@code !}, {@code ?} or {@code …}, possibly followed by
     * closing quotes or brackets and by citation markers such as {@code [27]} or {@code [ better source needed ]}.
     */
    static boolean endsSentence(String text) {
        int end = text.length();
        while (true) {
            while (end > 0 && isSpace(text.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                return false;
            }
            if (text.charAt(end - 1) == ']') {
                int open = text.lastIndexOf('[', end - 1);
                if (open >= 0 && end - open <= 48 && text.indexOf(']', open) == end - 1) {
                    end = open;
                    continue;
                }
            }
            break;
        }
        while (end > 0 && "\"”’')»".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && ".!?…".indexOf(text.charAt(end - 1)) >= 0;
    }

    static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /**
     * Whether a line reads like a title or section heading: short, starting with a capital letter, a digit
     * or a letter of a script without case, no sentence punctuation at the end, no citation marker, no link.
     */
    static boolean isTitleLike(String text, int maxChars, int maxWords) {
        if (text.isEmpty() || text.length() > maxChars || wordCount(text) > maxWords) {
            return false;
        }
        int first = text.codePointAt(0);
        if (!(Character.isLetterOrDigit(first) && !Character.isLowerCase(first))) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        if (".,;".indexOf(last) >= 0) {
            return false;
        }
        return !text.contains(". ") && !text.contains("://") && text.indexOf('|') < 0 && !hasCitationMarker(text);
    }

    /**
     * The lines of a list, one item per line, nested items indented two spaces per level. Levels are renumbered
     * from how the items actually nest (the first item is level 0, an item is at most one level deeper than the
     * one before), so the block never starts with spaces and never skips a level, whatever the source did.
     */
    static String listText(List<String> indentedItems) {
        List<Integer> open = new ArrayList<>(); // the indentations of the enclosing levels
        StringBuilder text = new StringBuilder();
        for (String item : indentedItems) {
            int spaces = 0;
            while (spaces < item.length() && item.charAt(spaces) == ' ') {
                spaces++;
            }
            while (!open.isEmpty() && open.getLast() > spaces) {
                open.removeLast();
            }
            if (open.isEmpty() || open.getLast() < spaces) {
                open.add(spaces);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("  ".repeat(open.size() - 1)).append(item, spaces, item.length());
        }
        return text.toString();
    }

    static String withoutTrailingColon(String text) {
        return text.endsWith(":") ? text.substring(0, text.length() - 1).stripTrailing() : text;
    }
}
