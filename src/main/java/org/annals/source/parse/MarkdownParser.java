package org.annals.source.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown (CommonMark and GitHub's pipe tables): ATX and setext headings, paragraphs separated by blank lines,
 * bullet and ordered lists with nesting by indentation, block quotes, pipe tables, fenced code and HTML blocks.
 * Inline markup is removed by {@link MarkdownInline}; images become blocks of their own, flagged as chrome.
 */
final class MarkdownParser {

    static final String IMAGE = "image";

    private static final Pattern ATX = Pattern.compile(" {0,3}(#{1,6})(?:[ \\t]+(.*))?");
    private static final Pattern SETEXT_1 = Pattern.compile(" {0,3}=+[ \\t]*");
    private static final Pattern SETEXT_2 = Pattern.compile(" {0,3}-+[ \\t]*");
    private static final Pattern RULE =
            Pattern.compile(" {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");
    private static final Pattern QUOTE = Pattern.compile(" {0,3}> ?(.*)");
    private static final Pattern ITEM = Pattern.compile("([ \\t]*)([-*+]|(\\d{1,9})[.)])[ \\t]+(\\S.*)");
    private static final Pattern TABLE_SEPARATOR =
            Pattern.compile(" {0,3}\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile(" {0,3}\\[([^\\]]{1,999})\\]:[ \\t]*\\S.*");
    /** Lines opening an HTML block (CommonMark kinds 1 and 6): the block is handed to the HTML parser. */
    private static final Pattern HTML_BLOCK = Pattern.compile(" {0,3}</?(?:script|style|pre|textarea|div|table|p"
            + "|section|article|aside|nav|header|footer|form|iframe|object|embed|svg|noscript|template|blockquote"
            + "|ul|ol|dl|figure|details|h[1-6]|hr|center|main)(?:[\\s/>]|$).*", Pattern.CASE_INSENSITIVE);

    private final List<String> lines;
    private final ParseLimits limits;
    /** How many block quotes enclose this text: a quote's content is parsed by a parser one level deeper. */
    private final int quoteDepth;
    private final Set<String> referenceLabels = new HashSet<>();
    private final List<DraftBlock> out = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();

    private MarkdownParser(String text, ParseLimits limits, int quoteDepth) {
        this.lines = Texts.lines(text);
        if (quoteDepth == 0) {
            // A quote's content is parsed by a parser of its own, holding a copy of it: check the deepest quote
            // once, here, rather than discover it hundreds of copies deep.
            limits.checkDepth(deepestQuote(lines), "Block quotes are nested");
        }
        this.limits = limits;
        this.quoteDepth = quoteDepth;
        for (String line : lines) {
            Matcher definition = REFERENCE_DEFINITION.matcher(line);
            if (definition.matches()) {
                referenceLabels.add(MarkdownInline.normalizeLabel(definition.group(1)));
            }
        }
    }

    static List<DraftBlock> parse(String text, ParseLimits limits) {
        return new MarkdownParser(text, limits, 0).run();
    }

    private List<DraftBlock> run() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            // The first visible character decides which block syntaxes are possible at all; that keeps the
            // per-line cost low on huge inputs.
            char first = firstVisible(line);
            Matcher m;
            if (first == 0) {
                flushParagraph();
                i++;
            } else if (first == '[' && paragraph.isEmpty() && REFERENCE_DEFINITION.matcher(line).matches()) {
                i++; // link targets are not shown to readers
            } else if ((first == '`' || first == '~') && (m = FENCE.matcher(line)).matches()) {
                flushParagraph();
                i = fencedCode(i, m.group(1));
            } else if (first == '#' && (m = ATX.matcher(line)).matches()) {
                flushParagraph();
                heading(m.group(1).length(), m.group(2) == null ? "" : withoutClosingHashes(m.group(2)));
                i++;
            } else if (first == '=' && !paragraph.isEmpty() && SETEXT_1.matcher(line).matches()) {
                setextHeading(1);
                i++;
            } else if (first == '-' && !paragraph.isEmpty() && SETEXT_2.matcher(line).matches()) {
                setextHeading(2);
                i++;
            } else if ((first == '-' || first == '*' || first == '_') && RULE.matcher(line).matches()) {
                flushParagraph();
                i++;
            } else if (first == '>' && QUOTE.matcher(line).matches()) {
                flushParagraph();
                i = quote(i);
            } else if (("-*+".indexOf(first) >= 0 || Character.isDigit(first)) && (m = ITEM.matcher(line)).matches()
                    && (paragraph.isEmpty() || startsList(m))) {
                flushParagraph();
                i = list(i);
            } else if (line.indexOf('|') >= 0 && i + 1 < lines.size()
                    && lines.get(i + 1).indexOf('-') >= 0 && TABLE_SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                flushParagraph();
                i = table(i);
            } else if (first == '<' && paragraph.isEmpty() && HTML_BLOCK.matcher(line).matches()) {
                i = htmlBlock(i);
            } else {
                paragraph.add(line);
                i++;
            }
        }
        flushParagraph();
        return out;
    }

    /** The most quote markers ({@code >}, spaces between them allowed) any line starts with. */
    private static int deepestQuote(List<String> lines) {
        int deepest = 0;
        for (String line : lines) {
            int markers = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '>') {
                    markers++;
                } else if (c != ' ' && c != '\t') {
                    break;
                }
            }
            deepest = Math.max(deepest, markers);
        }
        return deepest;
    }

    /** The first character that is not white space, or 0 for a blank line. */
    private static char firstVisible(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Texts.isSpace(c)) {
                return c;
            }
        }
        return 0;
    }

    /** A list may interrupt a paragraph only with a bullet or with "1." (CommonMark), so "2024. It was" is prose. */
    private static boolean startsList(Matcher item) {
        return item.group(3) == null || item.group(3).equals("1");
    }

    private static String withoutClosingHashes(String text) {
        String t = text.stripTrailing();
        int end = t.length();
        while (end > 0 && t.charAt(end - 1) == '#') {
            end--;
        }
        if (end < t.length() && (end == 0 || t.charAt(end - 1) == ' ' || t.charAt(end - 1) == '\t')) {
            return t.substring(0, end);
        }
        return t;
    }

    private void heading(int level, String raw) {
        MarkdownInline.Result inline = MarkdownInline.strip(raw, referenceLabels, limits);
        if (!inline.text().isEmpty()) {
            out.add(DraftBlock.heading(level, inline.text()));
        }
        addImages(inline.images());
    }

    private void setextHeading(int level) {
        String raw = String.join(" ", paragraph);
        paragraph.clear();
        heading(level, raw);
    }

    private void flushParagraph() {
        if (paragraph.isEmpty()) {
            return;
        }
        StringBuilder raw = new StringBuilder();
        for (String line : paragraph) {
            String l = line.stripTrailing();
            if (l.endsWith("\\")) {
                l = l.substring(0, l.length() - 1); // a hard line break
            }
            raw.append(l).append(' ');
        }
        paragraph.clear();
        MarkdownInline.Result inline = MarkdownInline.strip(raw.toString(), referenceLabels, limits);
        if (!inline.text().isEmpty()) {
            out.add(DraftBlock.of(BlockKind.PARAGRAPH, inline.text()));
        }
        addImages(inline.images());
    }

    /** Pictures cannot be imported as text; their alt text is kept as a block the person may drop. */
    private void addImages(List<String> images) {
        for (String image : images) {
            if (!image.isEmpty()) {
                out.add(DraftBlock.of(BlockKind.PARAGRAPH, image).asChrome(IMAGE));
            }
        }
    }

    private int fencedCode(int start, String fence) {
        StringBuilder code = new StringBuilder();
        int i = start + 1;
        while (i < lines.size()) {
            String line = lines.get(i);
            String stripped = line.strip();
            i++;
            if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0))) {
                break;
            }
            code.append(line).append('\n');
        }
        String text = Texts.collapse(code);
        if (!text.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.PARAGRAPH, text));
        }
        return i;
    }

    /** A block quote's lines without their {@code >}, parsed as Markdown; its paragraphs one per line. */
    private int quote(int start) {
        StringBuilder inner = new StringBuilder();
        int i = start;
        Matcher m;
        while (i < lines.size() && (m = QUOTE.matcher(lines.get(i))).matches()) {
            inner.append(m.group(1)).append('\n');
            i++;
        }
        List<String> texts = new ArrayList<>();
        List<DraftBlock> chrome = new ArrayList<>();
        for (DraftBlock block : new MarkdownParser(inner.toString(), limits, quoteDepth + 1).run()) {
            if (block.looksLikeChrome()) {
                chrome.add(block);
            } else {
                texts.add(block.text());
            }
        }
        if (!texts.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.QUOTE, String.join("\n", texts)));
        }
        out.addAll(chrome);
        return i;
    }

    /** Items one per line, nested items indented by two spaces per level; wrapped item text is joined. */
    private int list(int start) {
        List<String> items = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        List<StringBuilder> raws = new ArrayList<>();
        Matcher first = ITEM.matcher(lines.get(start));
        int baseIndent = first.matches() ? width(first.group(1)) : 0;
        int i = start;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (Texts.isBlank(line)) {
                int next = i + 1;
                while (next < lines.size() && Texts.isBlank(lines.get(next))) {
                    next++;
                }
                if (next < lines.size() && (ITEM.matcher(lines.get(next)).matches()
                        || width(lines.get(next).substring(0, Texts.indent(lines.get(next)))) > baseIndent + 1)) {
                    i = next;
                    continue;
                }
                break;
            }
            Matcher item = ITEM.matcher(line);
            if (item.matches() && !RULE.matcher(line).matches()) {
                int indent = width(item.group(1));
                if (indent < baseIndent) {
                    break;
                }
                while (!indents.isEmpty() && indents.getLast() > indent) {
                    indents.removeLast();
                }
                if (indents.isEmpty() || indents.getLast() < indent) {
                    indents.add(indent);
                }
                limits.checkDepth(indents.size(), "List items are nested");
                depths.add(indents.size() - 1);
                raws.add(new StringBuilder(item.group(4)));
            } else if (!raws.isEmpty() && !startsBlock(line)) {
                raws.getLast().append(' ').append(line.strip()); // continuation of the item's text
            } else {
                break;
            }
            i++;
        }
        for (int k = 0; k < raws.size(); k++) {
            MarkdownInline.Result inline = MarkdownInline.strip(raws.get(k).toString(), referenceLabels, limits);
            if (!inline.text().isEmpty()) {
                items.add("  ".repeat(depths.get(k)) + inline.text());
            }
            images.addAll(inline.images());
        }
        if (!items.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.LIST, Texts.listText(items)));
        }
        addImages(images);
        return i;
    }

    private static boolean startsBlock(String line) {
        return ATX.matcher(line).matches() || QUOTE.matcher(line).matches() || FENCE.matcher(line).matches()
                || RULE.matcher(line).matches();
    }

    private static int width(String indent) {
        int width = 0;
        for (int i = 0; i < indent.length(); i++) {
            width += indent.charAt(i) == '\t' ? 4 : 1;
        }
        return width;
    }

    /** A pipe table: header row, separator row (dropped), body rows until a blank line or a line without pipes. */
    private int table(int start) {
        List<String> rows = new ArrayList<>();
        List<String> images = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !Texts.isBlank(lines.get(i)) && lines.get(i).indexOf('|') >= 0) {
            String line = lines.get(i);
            i++;
            if (i - 1 == start + 1) {
                continue; // the separator row
            }
            List<String> cells = new ArrayList<>();
            for (String raw : splitCells(line)) {
                MarkdownInline.Result inline = MarkdownInline.strip(raw, referenceLabels, limits);
                if (!inline.text().isEmpty()) {
                    cells.add(inline.text());
                }
                images.addAll(inline.images());
            }
            if (!cells.isEmpty()) {
                rows.add(String.join(" | ", cells));
            }
        }
        if (!rows.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.TABLE, String.join("\n", rows)));
        }
        addImages(images);
        return i;
    }

    /** Cells split on pipes that are neither escaped nor inside a code span. */
    private static List<String> splitCells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '`') {
                inCode = !inCode;
                cell.append(c);
            } else if (c == '|' && !inCode) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * Raw HTML in Markdown, up to the next blank line (or the closing tag of a script, style, pre or textarea),
     * parsed by the HTML parser so scripts and styles are dropped the same way as in an HTML import.
     */
    private int htmlBlock(int start) {
        String first = lines.get(start).strip().toLowerCase(Locale.ROOT);
        String closing = null;
        for (String tag : List.of("script", "style", "pre", "textarea")) {
            if (first.startsWith("<" + tag)) {
                closing = "</" + tag + ">";
            }
        }
        StringBuilder html = new StringBuilder();
        int i = start;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (closing == null && Texts.isBlank(line)) {
                break;
            }
            html.append(line).append('\n');
            i++;
            if (closing != null && line.toLowerCase(Locale.ROOT).contains(closing)) {
                break;
            }
        }
        out.addAll(HtmlParser.parse(html.toString(), limits).blocks());
        return i;
    }
}
