package org.annals.source.parse;

import java.util.Locale;
import java.util.Set;

/**
 * How deep the tags of an HTML text nest, estimated in one pass without building anything: start tags open a level,
 * end tags close one. Elements that have no content (br, img) or whose end tag may be left out (p, li, td) never
 * count, comments and script or style content are skipped. Unclosed elements of other kinds make the estimate
 * higher than the real depth, stray end tags lower; used with a margin it only refuses early what the tree check
 * would refuse anyway, and what it lets through is still measured on the tree.
 */
final class TagDepth {

    private static final Set<String> NOT_COUNTED = Set.of(
            // void elements
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr", "keygen",
            // elements whose end tag may be omitted
            "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
            "caption", "rb", "rt", "rtc", "rp", "html", "head", "body");

    private TagDepth() {
    }

    /**
     * Refuses, before jsoup builds anything, a text whose tags nest far deeper than the limit (the tree check after
     * parsing measures exactly) or that has an element with more attributes than {@link ParseLimits#MAX_ATTRIBUTES}:
     * jsoup reads attributes one by one into the element, so a tag of a million attributes would cost seconds.
     */
    static void check(String html, ParseLimits limits) {
        long[] shape = scan(html);
        if (shape[0] > 4L * limits.maxDepth()) {
            // The estimate may count a few unclosed elements too many, hence the margin.
            limits.checkDepth(Integer.MAX_VALUE, "The HTML nests elements");
        }
        ParseLimits.checkAttributes(shape[1]);
    }

    static long estimate(String html) {
        return scan(html)[0];
    }

    /** The estimated depth and the most attributes on one tag, in one pass. */
    private static long[] scan(String html) {
        long depth = 0;
        long deepest = 0;
        long mostAttributes = 0;
        long[] attributes = new long[1];
        int i = html.indexOf('<');
        while (i >= 0 && i + 1 < html.length()) {
            char next = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? -1 : html.indexOf('<', end + 3);
                continue;
            }
            boolean closing = next == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
                i = html.indexOf('<', i + 1);
                continue;
            }
            int tagEnd = endOfTag(html, nameEnd, attributes);
            mostAttributes = Math.max(mostAttributes, attributes[0]);
            if (tagEnd < 0) {
                break;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (!closing && (name.equals("script") || name.equals("style"))) {
                int end = indexOfIgnoreCase(html, "</" + name, tagEnd);
                i = end < 0 ? -1 : end;
                continue;
            }
            boolean selfClosing = html.charAt(tagEnd - 1) == '/';
            if (!NOT_COUNTED.contains(name) && !selfClosing) {
                depth = closing ? Math.max(0, depth - 1) : depth + 1;
                deepest = Math.max(deepest, depth);
            }
            i = html.indexOf('<', tagEnd + 1);
        }
        return new long[] {deepest, mostAttributes};
    }

    /**
     * The '>' that ends the tag whose attributes start at {@code from} (quoted values may hold '>'), or -1; counts the
     * attribute names on the way (runs of name characters outside values) into {@code attributes[0]}.
     */
    private static int endOfTag(String html, int from, long[] attributes) {
        long count = 0;
        boolean inName = false;
        boolean afterEquals = false;
        char quote = 0;
        for (int j = from; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '>') {
                attributes[0] = count;
                return j;
            } else if (afterEquals && (c == '"' || c == '\'')) {
                quote = c;
                afterEquals = false;
            } else if (c == '=') {
                afterEquals = true;
                inName = false;
            } else if (Character.isWhitespace(c) || c == '/') {
                inName = false;
            } else if (afterEquals) {
                afterEquals = false; // an unquoted value, up to the next white space
                inName = true;
            } else if (!inName) {
                inName = true;
                count++;
            }
        }
        attributes[0] = count;
        return -1;
    }

    private static int indexOfIgnoreCase(String text, String target, int from) {
        for (int j = text.indexOf("</", from); j >= 0; j = text.indexOf("</", j + 2)) {
            if (text.regionMatches(true, j, target, 0, target.length())) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == ':');
    }
}
