package org.annals.source.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes Markdown's inline markup from a paragraph, a heading, an item or a cell, keeping the words: emphasis
 * and strike-through delimiters, code-span backticks, link syntax ({@code [text](url)} keeps the text), autolinks,
 * backslash escapes, entities and inline HTML. Images ({@code ![alt](src)}) are taken out of the text and
 * reported separately so they can be proposed as chrome.
 *
 * <p>A single left-to-right scan with a stack for emphasis delimiters; brackets that are not links, such as the
 * citation markers {@code [27]}, stay as they are.
 */
final class MarkdownInline {

    /** Closing backticks and autolink ends are looked for this far at most, so unbalanced input stays linear. */
    private static final int MAX_SPAN = 2000;

    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,31}:\\S*");

    /** Text without markup, and the images that were in it (alt text, or the file name when there is none). */
    record Result(String text, List<String> images) {
    }

    private record Delimiter(int position, int length, char marker, boolean canOpen, boolean canClose) {
    }

    private final Set<String> referenceLabels;
    private final ParseLimits limits;
    /** How many links or images enclose this text: their text is scanned by an inner scanner, one level deeper. */
    private final int depth;
    private final List<String> images = new ArrayList<>();

    private MarkdownInline(Set<String> referenceLabels, ParseLimits limits, int depth) {
        limits.checkDepth(depth, "Links and images are nested");
        this.referenceLabels = referenceLabels;
        this.limits = limits;
        this.depth = depth;
    }

    private MarkdownInline inner() {
        return new MarkdownInline(referenceLabels, limits, depth + 1);
    }

    static Result strip(String text, Set<String> referenceLabels, ParseLimits limits) {
        MarkdownInline inline = new MarkdownInline(referenceLabels, limits, 0);
        String plain = inline.scan(text);
        plain = Texts.unescapeEntities(Texts.withoutTags(plain));
        return new Result(Texts.collapse(plain), List.copyOf(inline.images));
    }

    private String scan(String s) {
        StringBuilder out = new StringBuilder(s.length());
        List<Delimiter> delimiters = new ArrayList<>();
        int i = 0;
        int n = s.length();
        int[] closing = s.indexOf('[') < 0 ? new int[0] : closingBrackets(s);
        if (depth == 0 && closing.length > 0) {
            // Each nested link is scanned by an inner scanner holding a copy of its text: check the deepest nesting
            // once, here, rather than discover it hundreds of copies deep.
            limits.checkDepth(deepestBracketPair(s), "Links and images are nested");
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiPunctuation(s.charAt(i + 1))) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int run = runLength(s, i, '`');
                int close = findBacktickRun(s, i + run, run);
                if (close < 0) {
                    out.append(s, i, i + run);
                    i += run;
                } else {
                    out.append(s, i + run, close).append(' ');
                    i = close + run;
                }
            } else if (c == '!' && i + 1 < n && s.charAt(i + 1) == '[') {
                Link link = link(s, i + 1, closing);
                if (link == null) {
                    out.append(c);
                    i++;
                } else {
                    String alt = inner().scan(link.text());
                    images.add(Texts.collapse(alt.isBlank() ? fileName(link.destination()) : alt));
                    i = link.end();
                }
            } else if (c == '[') {
                Link link = link(s, i, closing);
                if (link == null) {
                    out.append(c);
                    i++;
                } else {
                    MarkdownInline inner = inner();
                    out.append(inner.scan(link.text()));
                    images.addAll(inner.images);
                    i = link.end();
                }
            } else if (c == '<' && autolinkEnd(s, i) > 0) {
                int end = autolinkEnd(s, i);
                out.append(s, i + 1, end - 1);
                i = end;
            } else if (c == '*' || c == '_' || c == '~') {
                int run = runLength(s, i, c);
                if (c == '~' && run < 2) {
                    out.append(c);
                    i++;
                    continue;
                }
                int before = i == 0 ? ' ' : s.codePointBefore(i);
                int after = i + run >= n ? ' ' : s.codePointAt(i + run);
                boolean leftFlanking = !Texts.isSpace(after);
                boolean rightFlanking = !Texts.isSpace(before);
                boolean canOpen = leftFlanking;
                boolean canClose = rightFlanking;
                if (c == '_') {
                    // snake_case and URL-ish words keep their underscores
                    canOpen = leftFlanking && !Character.isLetterOrDigit(before);
                    canClose = rightFlanking && !Character.isLetterOrDigit(after);
                }
                delimiters.add(new Delimiter(out.length(), run, c, canOpen, canClose));
                out.append(s, i, i + run);
                i += run;
            } else {
                out.append(c);
                i++;
            }
        }
        return withoutMatchedDelimiters(out, delimiters);
    }

    /** Removes the delimiter runs that pair up as opener and closer; unpaired ones are literal characters. */
    private static String withoutMatchedDelimiters(StringBuilder text, List<Delimiter> delimiters) {
        if (delimiters.isEmpty()) {
            return text.toString();
        }
        boolean[] removed = new boolean[delimiters.size()];
        // One stack of unmatched openers per marker: a closer pairs with the nearest opener of its own kind.
        Map<Character, Deque<Integer>> openers = new HashMap<>();
        for (int d = 0; d < delimiters.size(); d++) {
            Delimiter delimiter = delimiters.get(d);
            Deque<Integer> stack = openers.computeIfAbsent(delimiter.marker(), m -> new ArrayDeque<>());
            if (delimiter.canClose() && !stack.isEmpty()) {
                removed[stack.pop()] = true;
                removed[d] = true;
            } else if (delimiter.canOpen()) {
                stack.push(d);
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int d = 0; d < delimiters.size(); d++) {
            if (removed[d]) {
                Delimiter delimiter = delimiters.get(d);
                out.append(text, from, delimiter.position());
                from = delimiter.position() + delimiter.length();
            }
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private record Link(String text, String destination, int end) {
    }

    /** {@code [text](destination)}, {@code [text][label]} or {@code [label]} with a defined label; else null. */
    private @Nullable Link link(String s, int open, int[] closing) {
        int close = closing[open];
        if (close < 0) {
            return null;
        }
        String text = s.substring(open + 1, close);
        int after = close + 1;
        if (after < s.length() && s.charAt(after) == '(') {
            int end = closing[after];
            if (end > 0) {
                String destination = s.substring(after + 1, end).strip();
                int space = destination.indexOf(' ');
                return new Link(text, space > 0 ? destination.substring(0, space) : destination, end + 1);
            }
        }
        if (after < s.length() && s.charAt(after) == '[') {
            int end = closing[after];
            if (end > 0) {
                String label = s.substring(after + 1, end);
                if (referenceLabels.contains(normalizeLabel(label.isEmpty() ? text : label))) {
                    return new Link(text, "", end + 1);
                }
            }
        }
        if (referenceLabels.contains(normalizeLabel(text))) {
            return new Link(text, "", after);
        }
        return null;
    }

    static String normalizeLabel(String label) {
        return Texts.collapse(label).toLowerCase(Locale.ROOT);
    }

    /**
     * For every {@code [} and {@code (} of the text, the index of the bracket that closes it (or -1), found with one
     * stack pass, so looking up a link's end never rescans the text.
     */
    private static int[] closingBrackets(String s) {
        int[] closing = new int[s.length()];
        Arrays.fill(closing, -1);
        Deque<Integer> squares = new ArrayDeque<>();
        Deque<Integer> rounds = new ArrayDeque<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                squares.push(i);
            } else if (c == ']' && !squares.isEmpty()) {
                closing[squares.pop()] = i;
            } else if (c == '(') {
                rounds.push(i);
            } else if (c == ')' && !rounds.isEmpty()) {
                closing[rounds.pop()] = i;
            }
        }
        return closing;
    }

    /** How many square-bracket pairs enclose the most deeply enclosed pair (0 when there is none). */
    private static int deepestBracketPair(String s) {
        int open = 0;
        int deepest = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                open++;
            } else if (c == ']' && open > 0) {
                deepest = Math.max(deepest, open - 1);
                open--;
            }
        }
        return deepest;
    }

    /** End (exclusive) of {@code <https://…>} or {@code <name@host>} at {@code i}, or 0. */
    private static int autolinkEnd(String s, int i) {
        int close = -1;
        for (int j = i + 1; j < Math.min(s.length(), i + MAX_SPAN); j++) {
            char c = s.charAt(j);
            if (c == '>') {
                close = j;
                break;
            }
            if (c == '<' || Texts.isSpace(c)) {
                return 0;
            }
        }
        if (close < 0) {
            return 0;
        }
        String inner = s.substring(i + 1, close);
        if (inner.isEmpty()) {
            return 0;
        }
        boolean uri = URI.matcher(inner).matches();
        boolean email = inner.indexOf('@') > 0 && inner.indexOf(':') < 0;
        return uri || email ? close + 1 : 0;
    }

    private static int runLength(String s, int i, char c) {
        int j = i;
        while (j < s.length() && s.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    private static int findBacktickRun(String s, int from, int length) {
        int i = s.indexOf('`', from);
        while (i >= 0 && i - from <= MAX_SPAN) {
            int run = runLength(s, i, '`');
            if (run == length) {
                return i;
            }
            i = s.indexOf('`', i + run);
        }
        return -1;
    }

    private static String fileName(String destination) {
        int slash = destination.lastIndexOf('/');
        return slash >= 0 ? destination.substring(slash + 1) : destination;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }
}
