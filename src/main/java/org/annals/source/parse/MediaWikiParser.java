package org.annals.source.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MediaWiki markup: {@code = Title =} (level 1), {@code == Section ==}, {@code === Sub ===} (with or without
 * spaces), an "Infobox" line followed by {@code - Key: value} lines (one table; the label line itself is the
 * template's name, markup, and is folded into the table), bullet lists by {@code *}/{@code #} depth or by
 * indentation of {@code -} items, {@code {| … |}} tables, and paragraphs separated by blank lines.
 */
final class MediaWikiParser {

    private static final Pattern INFOBOX_LABEL = Pattern.compile("\\s*infobox\\b.{0,60}", Pattern.CASE_INSENSITIVE);
    private static final Pattern INFOBOX_ROW = Pattern.compile("\\s*[-*]\\s*([^:|\\[\\]]{1,40}):(.*)");
    private static final Pattern STAR_ITEM = Pattern.compile("\\s*([*#]+)\\s*(.*)");
    private static final Pattern DASH_ITEM = Pattern.compile("(\\s*)[-•]\\s+(\\S.*)");
    private static final Pattern INDENT_MARKS = Pattern.compile("^[:;]+");
    private static final Pattern VALUE_ITEMS = Pattern.compile(",\\s+");

    private final List<String> lines;
    private final ParseLimits limits;
    private final List<DraftBlock> out = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();

    private MediaWikiParser(String text, ParseLimits limits) {
        this.limits = limits;
        // Nested links and templates are taken apart level by level, each level a copy: refuse deep ones first.
        limits.checkDepth(WikiInline.deepestNesting(text, "[[", "]]"), "Links are nested");
        limits.checkDepth(WikiInline.deepestNesting(text, "{{", "}}"), "Templates are nested");
        this.lines = Texts.lines(WikiInline.withoutTemplates(Texts.normalizeNewlines(text), limits));
    }

    static List<DraftBlock> parse(String text, ParseLimits limits) {
        return new MediaWikiParser(text, limits).run();
    }

    private List<DraftBlock> run() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (Texts.isBlank(line)) {
                flushParagraph();
                i++;
            } else if (headingLevel(stripped) > 0) {
                flushParagraph();
                int level = headingLevel(stripped);
                String text = WikiInline.strip(stripped.substring(level, stripped.length() - level), limits);
                if (!text.isEmpty()) {
                    out.add(DraftBlock.heading(level, text));
                }
                i++;
            } else if (INFOBOX_LABEL.matcher(line).matches() && i + 1 < lines.size()
                    && INFOBOX_ROW.matcher(lines.get(i + 1)).matches()) {
                flushParagraph();
                i = infobox(i + 1);
            } else if (stripped.startsWith("{|")) {
                flushParagraph();
                i = table(i + 1);
            } else if (stripped.startsWith("----")) {
                flushParagraph();
                i++;
            } else if (!WikiInline.fileLinkText(line, limits).isEmpty()) {
                flushParagraph();
                out.add(DraftBlock.of(BlockKind.PARAGRAPH, WikiInline.fileLinkText(line, limits))
                        .asChrome(ChromeDetector.IMAGE_FILE_NAME));
                i++;
            } else if (isListItem(line)) {
                flushParagraph();
                i = list(i);
            } else if (stripped.startsWith(":") || stripped.startsWith(";")) {
                flushParagraph(); // indented or definition lines stand alone
                paragraph.add(INDENT_MARKS.matcher(stripped).replaceFirst(""));
                flushParagraph();
                i++;
            } else {
                paragraph.add(line);
                i++;
            }
        }
        flushParagraph();
        return out;
    }

    /** Level of {@code == Heading ==}: the number of equals signs on both ends (the fewer of the two), or 0. */
    private static int headingLevel(String line) {
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == '=') {
            lead++;
        }
        int trail = 0;
        while (trail < line.length() - lead && line.charAt(line.length() - 1 - trail) == '=') {
            trail++;
        }
        int level = Math.min(lead, trail);
        if (level == 0 || level > 6 || line.length() <= 2 * level) {
            return 0;
        }
        return Texts.isBlank(line.substring(level, line.length() - level)) ? 0 : level;
    }

    private void flushParagraph() {
        if (paragraph.isEmpty()) {
            return;
        }
        String text = WikiInline.strip(String.join(" ", paragraph), limits);
        paragraph.clear();
        if (!text.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.PARAGRAPH, text));
        }
    }

    /**
     * {@code - Key: value} rows become "Key | value" lines. Values are often flattened lists
     * ({@code , * Syrian Salvation Government, * Syrian Interim Government}) and cell runs ({@code A | | B}):
     * the stray bullets and empty cells go, the items stay, separated by commas.
     */
    private int infobox(int start) {
        List<String> rows = new ArrayList<>();
        int i = start;
        Matcher row;
        while (i < lines.size() && (row = INFOBOX_ROW.matcher(lines.get(i))).matches()) {
            List<String> cells = new ArrayList<>();
            String key = WikiInline.strip(row.group(1), limits);
            if (!key.isEmpty()) {
                cells.add(key);
            }
            for (String cell : WikiInline.splitTopLevel(row.group(2), '|')) {
                List<String> items = new ArrayList<>();
                for (String item : VALUE_ITEMS.split(cell)) {
                    String text = WikiInline.strip(withoutBullets(item), limits);
                    if (!text.isEmpty() && !text.equals("()")) {
                        items.add(text);
                    }
                }
                if (!items.isEmpty()) {
                    cells.add(String.join(", ", items));
                }
            }
            if (!cells.isEmpty()) {
                rows.add(String.join(" | ", cells));
            }
            i++;
        }
        if (!rows.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.TABLE, String.join("\n", rows)));
        }
        return i;
    }

    private static String withoutBullets(String item) {
        String t = item.strip();
        int k = 0;
        while (k < t.length() && (t.charAt(k) == '*' || t.charAt(k) == '#')) {
            k++;
        }
        return t.substring(k);
    }

    private static boolean isListItem(String line) {
        return STAR_ITEM.matcher(line).matches() || DASH_ITEM.matcher(line).matches();
    }

    /** Depth from the number of {@code *}/{@code #} or, for {@code -} items, from indentation (two spaces). */
    private int list(int start) {
        List<String> items = new ArrayList<>();
        int baseIndent = Texts.indent(lines.get(start));
        int i = start;
        while (i < lines.size() && isListItem(lines.get(i))) {
            String line = lines.get(i);
            Matcher dash = DASH_ITEM.matcher(line);
            int depth;
            String raw;
            if (dash.matches()) {
                depth = Math.max(0, (Texts.indent(line) - baseIndent) / 2);
                limits.checkDepth(depth, "List items are nested");
                raw = dash.group(2);
            } else {
                Matcher star = STAR_ITEM.matcher(line);
                star.matches();
                depth = star.group(1).length() - 1;
                limits.checkDepth(depth, "List items are nested");
                raw = star.group(2);
            }
            String text = WikiInline.strip(raw, limits);
            if (!text.isEmpty()) {
                items.add("  ".repeat(depth) + text);
            }
            i++;
        }
        if (!items.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.LIST, Texts.listText(items)));
        }
        return i;
    }

    /** A {@code {| … |}} table: rows split at {@code |-}, cells at {@code ||} / {@code !!}, attributes dropped. */
    private int table(int start) {
        List<String> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            String t = lines.get(i).strip();
            i++;
            if (t.startsWith("|}")) {
                break;
            }
            if (t.startsWith("|+")) {
                addRow(rows, List.of(WikiInline.strip(cellContent(t.substring(2)), limits)));
            } else if (t.startsWith("|-")) {
                addRow(rows, cells);
                cells = new ArrayList<>();
            } else if (t.startsWith("|") || t.startsWith("!")) {
                String separator = t.startsWith("!") ? "!!" : "||";
                for (String cell : t.substring(1).split(Pattern.quote(separator), -1)) {
                    cells.add(WikiInline.strip(cellContent(cell), limits));
                }
            } else if (!cells.isEmpty() && !t.isEmpty()) {
                cells.set(cells.size() - 1, Texts.collapse(cells.getLast() + " " + WikiInline.strip(t, limits)));
            }
        }
        addRow(rows, cells);
        if (!rows.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.TABLE, String.join("\n", rows)));
        }
        return i;
    }

    /** A cell's content without its attributes ({@code style="…" | content}). */
    private static String cellContent(String cell) {
        List<String> parts = WikiInline.splitTopLevel(cell, '|');
        return parts.size() > 1 ? parts.getLast() : cell;
    }

    private static void addRow(List<String> rows, List<String> cells) {
        List<String> nonEmpty = cells.stream().filter(c -> !c.isEmpty()).toList();
        if (!nonEmpty.isEmpty()) {
            rows.add(String.join(" | ", nonEmpty));
        }
    }
}
