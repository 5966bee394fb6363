package org.annals.source.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wikitext syntax that is not line-based: templates, comments and references (removed before lines are read),
 * and the inline markup of a line (links keep their label, bold and italic quotes go, stray tags are stripped).
 * All scanners walk the text once, tracking bracket depth; none uses a regular expression on the markup.
 */
final class WikiInline {

    private WikiInline() {
    }

    /**
     * Removes comments, {@code <ref>} footnotes and templates from the whole text. An infobox template is not
     * lost: it is rewritten as the simple "Infobox" / "- Key: value" lines that {@link MediaWikiParser} turns
     * into a table, the same shape as infoboxes exported as text.
     */
    static String withoutTemplates(String text, ParseLimits limits) {
        return withoutTemplates(text, limits, 0);
    }

    /** {@code depth}: how many infobox values enclose this text (a value may hold templates, even infoboxes). */
    private static String withoutTemplates(String text, ParseLimits limits, int depth) {
        limits.checkDepth(depth, "Templates are nested");
        String s = removeBetween(text, "<!--", "-->");
        s = withoutRefs(s);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("{{", i);
            if (open < 0) {
                out.append(s, i, s.length());
                break;
            }
            int close = matching(s, open, "{{", "}}");
            if (close < 0) {
                out.append(s, i, s.length()); // unbalanced: leave the rest as written rather than lose it
                break;
            }
            out.append(s, i, open);
            String body = s.substring(open + 2, close);
            if (body.strip().toLowerCase(Locale.ROOT).startsWith("infobox")) {
                out.append(infoboxLines(body, limits, depth));
            }
            i = close + 2;
        }
        return out.toString().replace("__TOC__", "").replace("__NOTOC__", "").replace("__FORCETOC__", "");
    }

    private static String infoboxLines(String body, ParseLimits limits, int depth) {
        List<String> parts = splitTopLevel(body, '|');
        StringBuilder lines = new StringBuilder("\n\nInfobox\n");
        for (String part : parts.subList(1, parts.size())) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = Texts.collapse(part.substring(0, equals));
            String value = Texts.collapse(withoutTemplates(part.substring(equals + 1), limits, depth + 1));
            if (!key.isEmpty() && !value.isEmpty()) {
                lines.append("- ").append(key).append(": ").append(value).append('\n');
            }
        }
        return lines.append('\n').toString();
    }

    /** {@code <ref>…</ref>} and {@code <ref … />}: footnote bodies, not running text. */
    private static String withoutRefs(String text) {
        if (!text.contains("<ref")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("<ref", i);
            if (open < 0 || open + 4 >= text.length()) {
                out.append(text, i, text.length());
                break;
            }
            char after = text.charAt(open + 4);
            int tagEnd = text.indexOf('>', open);
            if ((after != '>' && after != ' ' && after != '/') || tagEnd < 0) {
                out.append(text, i, open + 4);
                i = open + 4;
                continue;
            }
            out.append(text, i, open);
            if (text.charAt(tagEnd - 1) == '/') {
                i = tagEnd + 1;
            } else {
                int close = text.indexOf("</ref>", tagEnd);
                i = close < 0 ? tagEnd + 1 : close + "</ref>".length();
            }
        }
        return out.toString();
    }

    private static String removeBetween(String text, String open, String close) {
        if (!text.contains(open)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf(open, i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int end = text.indexOf(close, start + open.length());
            i = end < 0 ? text.length() : end + close.length();
        }
        return out.toString();
    }

    /** How many pairs of the delimiters enclose the most deeply enclosed pair (0 when there is none). */
    static int deepestNesting(String s, String opening, String closing) {
        int open = 0;
        int deepest = 0;
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith(opening, i)) {
                open++;
                i += opening.length();
            } else if (open > 0 && s.startsWith(closing, i)) {
                deepest = Math.max(deepest, open - 1);
                open--;
                i += closing.length();
            } else {
                i++;
            }
        }
        return deepest;
    }

    /** Index of the closing delimiter that balances the opening one at {@code open}, or -1. */
    static int matching(String s, int open, String opening, String closing) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            if (s.startsWith(opening, i)) {
                depth++;
                i += opening.length();
            } else if (s.startsWith(closing, i)) {
                depth--;
                if (depth == 0) {
                    return i;
                }
                i += closing.length();
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Splits on a separator that is not inside {@code [[…]]} or {@code {{…}}}. */
    static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '[' || c == '{') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                depth++;
                i++;
            } else if ((c == ']' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == c && depth > 0) {
                depth--;
                i++;
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Plain text of a line of wikitext. */
    static String strip(String line, ParseLimits limits) {
        String s = links(line, limits, 0);
        s = withoutQuoteRuns(s);
        s = Texts.withoutTags(s);
        s = Texts.unescapeEntities(s);
        return Texts.collapse(s);
    }

    /**
     * {@code [[target|label]]} → label, {@code [[x]]} → x, {@code [http://… label]} → label; files and categories
     * are dropped (pictures cannot be imported as text). Other brackets, like citation markers {@code [27]}, stay.
     */
    private static String links(String s, ParseLimits limits, int depth) {
        limits.checkDepth(depth, "Links are nested");
        if (s.indexOf('[') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[' && s.startsWith("[[", i)) {
                int close = matching(s, i, "[[", "]]");
                if (close > 0) {
                    out.append(internalLink(s.substring(i + 2, close), limits, depth));
                    i = close + 2;
                    continue;
                }
            } else if (c == '[' && isExternalLinkStart(s, i + 1)) {
                int close = s.indexOf(']', i);
                if (close > 0) {
                    String inner = s.substring(i + 1, close);
                    int space = inner.indexOf(' ');
                    out.append(space > 0 ? inner.substring(space + 1) : "");
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String internalLink(String inner, ParseLimits limits, int depth) {
        List<String> parts = splitTopLevel(inner, '|');
        String target = parts.getFirst().strip();
        String namespace = target.toLowerCase(Locale.ROOT);
        if (namespace.startsWith("file:") || namespace.startsWith("image:") || namespace.startsWith("media:")
                || namespace.startsWith("category:")) {
            return "";
        }
        if (parts.size() > 1) {
            return links(parts.getLast(), limits, depth + 1);
        }
        return target.startsWith(":") ? target.substring(1) : target;
    }

    /** File name and caption of a line that is only a picture ({@code [[File:Map.png|thumb|Caption]]}), or "". */
    static String fileLinkText(String line, ParseLimits limits) {
        String t = line.strip();
        if (!t.startsWith("[[") || !t.endsWith("]]") || matching(t, 0, "[[", "]]") != t.length() - 2) {
            return "";
        }
        List<String> parts = splitTopLevel(t.substring(2, t.length() - 2), '|');
        String target = parts.getFirst().strip();
        int colon = target.indexOf(':');
        String namespace = colon < 0 ? "" : target.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!namespace.equals("file") && !namespace.equals("image")) {
            return "";
        }
        String caption = parts.size() > 1 ? strip(parts.getLast(), limits) : "";
        return Texts.collapse(target.substring(colon + 1) + " " + caption);
    }

    private static boolean isExternalLinkStart(String s, int i) {
        return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("//", i)
                || s.startsWith("ftp://", i) || s.startsWith("mailto:", i);
    }

    /** {@code '''bold'''} and {@code ''italic''}: runs of two or more apostrophes are markup. */
    private static String withoutQuoteRuns(String s) {
        if (!s.contains("''")) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                int j = i;
                while (j < s.length() && s.charAt(j) == '\'') {
                    j++;
                }
                if (j - i == 1) {
                    out.append('\'');
                }
                i = j;
            } else {
                out.append(s.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
