package org.annals.source.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plain text, including text copied out of web pages. There is no markup, so structure is inferred line by line:
 * a title on the first line, numbered headings ({@code I. Prelude:}), short title-like lines standing alone as
 * section headings, pipe-separated rows as tables, bullets and numbered items as lists, and the key/value lines
 * of a Wikipedia infobox at the top as one table. Everything else is prose.
 *
 * <p>Two shapes of prose are told apart per document: one paragraph per line (pages copied from a browser, where
 * lines run to thousands of characters), and paragraphs hard-wrapped at a fixed width and separated by blank
 * lines. In the first, a line is its own paragraph unless it stops mid-sentence and the next one continues in
 * lower case; in the second, the lines between blank lines form one paragraph.
 */
final class PlainTextParser {

    private static final Pattern ROMAN_HEADING = Pattern.compile("([IVXLCDM]{1,7})\\.\\s+(\\S.*)");
    private static final Pattern ARABIC_HEADING = Pattern.compile("(\\d{1,3})\\.\\s+(\\S.*)");
    private static final Pattern NESTED_HEADING = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){1,3})\\.?\\s+(\\S.*)");
    private static final Pattern BULLET = Pattern.compile("[-*+•‣◦▪]\\s+(\\S.*)");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("(?:\\d{1,3}|[a-z]|[ivx]{1,5})[.)]\\s+(\\S.*)");
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-+:?");
    /** A quotation's attribution line: "—Amr, Syrian Army conscript …". */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?:[—―]|--)\\s*\\S.*");

    /** Section headings that close a run of related-article teasers (the teasers' own titles are not headings). */
    private static final Set<String> CLOSING_HEADINGS = Set.of("references", "notes", "see also", "external links",
            "further reading", "bibliography", "sources", "citations", "footnotes", "works cited",
            "notes and references");

    /** Keys of Wikipedia's military-conflict infobox as they appear in copied page text, longest first. */
    private static final List<String> INFOBOX_KEYS = List.of("Casualties and losses", "Commanders and leaders",
            "Territorial changes", "Units involved", "Belligerents", "Strength", "Location", "Result", "Status",
            "Date");

    private record Line(String text, int indent) {
        boolean blank() {
            return text.isEmpty();
        }
    }

    private final List<Line> lines;
    private final boolean hardWrapped;
    private final List<DraftBlock> out = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();
    private boolean inRelatedSection;

    private PlainTextParser(String text) {
        List<String> raw = Texts.lines(text);
        List<Line> parsed = new ArrayList<>(raw.size());
        for (String line : raw) {
            // Plain text has no markup: "if a<b and c>d" keeps its angle brackets, and so does anything tag-like.
            parsed.add(new Line(Texts.collapse(line), Texts.indent(line)));
        }
        this.lines = parsed;
        this.hardWrapped = looksHardWrapped(parsed);
    }

    static List<DraftBlock> parse(String text) {
        return new PlainTextParser(text).run();
    }

    private List<DraftBlock> run() {
        int i = topChrome(0);
        i = title(i);
        i = topChrome(i);
        i = infobox(i);
        body(i);
        return out;
    }

    /** Hard-wrapped prose: blank lines between paragraphs, lines of a paragraph rarely longer than 120. */
    private static boolean looksHardWrapped(List<Line> lines) {
        int nonBlank = 0;
        int longLines = 0;
        int followed = 0;
        int innerBlank = 0; // blank lines between text, not the ones a file starts or ends with
        int pendingBlank = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                pendingBlank += nonBlank > 0 ? 1 : 0;
                continue;
            }
            innerBlank += pendingBlank;
            pendingBlank = 0;
            nonBlank++;
            if (line.text().length() > 120) {
                longLines++;
            }
            if (i + 1 < lines.size() && !lines.get(i + 1).blank()) {
                followed++;
            }
        }
        return innerBlank > 0 && nonBlank >= 4 && longLines * 20 <= nonBlank && followed * 10 >= nonBlank * 3;
    }

    /** Chrome before the content ("Jump to content", "From Wikipedia, …"): kept, flagged, never a title. */
    private int topChrome(int start) {
        int i = start;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.blank()) {
                i++;
            } else if (ChromeDetector.reasonFor(line.text()) != null
                    && !ChromeDetector.opensRelatedSection(line.text())) {
                out.add(DraftBlock.of(BlockKind.PARAGRAPH, line.text()));
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** The first line is the document title when it is title-like (also the caption row of a flattened table). */
    private int title(int i) {
        if (i >= lines.size()) {
            return i;
        }
        String text = lines.get(i).text();
        if (isPipeRow(text)) {
            List<String> cells = cells(text);
            if (cells.size() == 1 && Texts.isTitleLike(cells.getFirst(), 120, 16)) {
                out.add(DraftBlock.heading(1, cells.getFirst()));
                return i + 1;
            }
            return i;
        }
        boolean followed = i + 1 < lines.size() && !lines.get(i + 1).blank();
        // A line that runs on into the next is the start of a paragraph, not a title.
        boolean continued = followed
                && (hardWrapped || Character.isLowerCase(lines.get(i + 1).text().codePointAt(0)));
        if (!continued && numberedHeading(i) == null && !isListItem(lines.get(i))
                && Texts.isTitleLike(text, 120, 16)) {
            out.add(DraftBlock.heading(1, Texts.withoutTrailingColon(text)));
            return i + 1;
        }
        return i;
    }

    // ---------------------------------------------------------------- infobox

    /**
     * A Wikipedia infobox copied as text is a run of short lines (caption, "Date…", "Location", "Belligerents",
     * names, figures) before the first sentence of prose. Recognised by at least three of its keys appearing
     * before that sentence; becomes one table with one row per key ("Key | value | value").
     */
    private int infobox(int start) {
        int end = -1;
        int keys = 0;
        for (int k = start; k < lines.size() && k < start + 300; k++) {
            Line line = lines.get(k);
            if (line.blank()) {
                continue;
            }
            if (isPipeRow(line.text())) {
                return start;
            }
            if (isProse(line)) {
                end = k;
                break;
            }
            if (infoboxKey(line.text()) != null) {
                keys++;
            }
        }
        if (end < 0 || keys < 3) {
            return start;
        }
        List<DraftBlock> images = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<String> keyRow = new ArrayList<>();
        for (int k = start; k < end; k++) {
            String text = lines.get(k).text();
            if (text.isEmpty()) {
                continue;
            }
            int fileNameEnd = ChromeDetector.imageFileNameEnd(text);
            if (fileNameEnd > 0) {
                String label = Texts.collapse(text.substring(fileNameEnd));
                if (label.isEmpty()) {
                    // The picture heading the infobox: flagged on its own, placed just before the table.
                    images.add(DraftBlock.of(BlockKind.PARAGRAPH, text).asChrome(ChromeDetector.IMAGE_FILE_NAME));
                    continue;
                }
                text = label; // a flag icon's file name before a name ("Flag of X.svg  Syrian Armed Forces")
            }
            Matcher bullet = BULLET.matcher(text);
            if (bullet.matches()) {
                text = bullet.group(1);
            }
            int nextIndex = k + 1;
            while (nextIndex < end && lines.get(nextIndex).blank()) {
                nextIndex++;
            }
            String next = nextIndex < end ? lines.get(nextIndex).text() : "";
            String key = infoboxKey(text);
            if (key == null && !next.isEmpty()) {
                key = splitInfoboxKey(text, next);
                if (key != null) {
                    text = key;
                    k = nextIndex; // "Territorial" / "changes": the key was wrapped onto two lines
                }
            }
            if (key != null) {
                closeRow(rows, keyRow);
                keyRow.add(key);
                String value = Texts.collapse(text.substring(key.length()));
                if (!value.isEmpty()) {
                    keyRow.add(value);
                }
            } else if (text.startsWith("(") && keyRow.size() > 1) {
                keyRow.set(keyRow.size() - 1, keyRow.getLast() + " " + text); // "(3 days)" continues the date
            } else if (text.startsWith("(") && keyRow.isEmpty() && !rows.isEmpty()) {
                rows.set(rows.size() - 1, rows.getLast() + " " + text);
            } else if (!keyRow.isEmpty()) {
                keyRow.add(text);
            } else {
                rows.add(text);
            }
        }
        closeRow(rows, keyRow);
        out.addAll(images);
        if (!rows.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.TABLE, String.join("\n", rows)));
        }
        return end;
    }

    private static void closeRow(List<String> rows, List<String> keyRow) {
        if (!keyRow.isEmpty()) {
            rows.add(String.join(" | ", keyRow));
            keyRow.clear();
        }
    }

    /** The infobox key a line starts with ("Date5 December 2024", "Result Opposition victory"), or null. */
    private static @Nullable String infoboxKey(String text) {
        for (String key : INFOBOX_KEYS) {
            if (text.startsWith(key)) {
                if (text.length() == key.length()) {
                    return key;
                }
                char after = text.charAt(key.length());
                if (Texts.isSpace(after) || Character.isDigit(after)) {
                    return key;
                }
            }
        }
        return null;
    }

    private static @Nullable String splitInfoboxKey(String text, String next) {
        for (String key : INFOBOX_KEYS) {
            if (key.equals(text + " " + next)) {
                return key;
            }
        }
        return null;
    }

    private static boolean isProse(Line line) {
        String text = line.text();
        return text.length() >= 80 && Texts.endsSentence(text) && Texts.wordCount(text) >= 12;
    }

    // ---------------------------------------------------------------- body

    private void body(int start) {
        int i = start;
        while (i < lines.size()) {
            Line line = lines.get(i);
            String text = line.text();
            if (line.blank()) {
                flushParagraph();
                i++;
            } else if (isPipeRow(text)) {
                flushParagraph();
                i = table(i);
            } else if (isUrl(text) && nextNonBlank(i) instanceof Line next && isUrl(next.text())) {
                flushParagraph();
                i = urlList(i);
            } else if (numberedHeading(i) instanceof DraftBlock heading) {
                flushParagraph();
                out.add(heading);
                inRelatedSection = false;
                i++;
            } else if (isListItem(line)) {
                flushParagraph();
                i = list(i);
            } else if (isAttribution(text) && quoteBefore()) {
                DraftBlock quoted = out.removeLast();
                out.add(DraftBlock.of(BlockKind.QUOTE, quoted.text() + "\n" + text));
                i++;
            } else if (ChromeDetector.reasonFor(text) != null) {
                flushParagraph();
                if (ChromeDetector.opensRelatedSection(text)) {
                    out.add(DraftBlock.heading(2, text));
                    inRelatedSection = true;
                } else {
                    out.add(DraftBlock.of(BlockKind.PARAGRAPH, text));
                }
                i++;
            } else if (isHeading(i)) {
                flushParagraph();
                out.add(DraftBlock.heading(2, Texts.withoutTrailingColon(text)));
                inRelatedSection = false;
                i++;
            } else {
                if (!paragraph.isEmpty() && !continuesParagraph(paragraph.getLast(), text)) {
                    flushParagraph();
                }
                paragraph.add(text);
                i++;
            }
        }
        flushParagraph();
    }

    private void flushParagraph() {
        if (!paragraph.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.PARAGRAPH, Texts.collapse(String.join(" ", paragraph))));
            paragraph.clear();
        }
    }

    private static boolean isAttribution(String text) {
        return text.length() <= 200 && "—―-".indexOf(text.charAt(0)) >= 0 && ATTRIBUTION.matcher(text).matches();
    }

    /** An attribution line turns the paragraph right before it into a quotation. */
    private boolean quoteBefore() {
        flushParagraph();
        return !out.isEmpty() && out.getLast().kind() == BlockKind.PARAGRAPH && !out.getLast().looksLikeChrome()
                && ChromeDetector.reasonFor(out.getLast().text()) == null;
    }

    private boolean continuesParagraph(String previous, String next) {
        if (hardWrapped) {
            return true;
        }
        // One paragraph per line, except a line cut mid-sentence whose continuation starts in lower case.
        return !Texts.endsSentence(previous) && Character.isLowerCase(next.codePointAt(0));
    }

    private boolean isHeading(int i) {
        String text = lines.get(i).text();
        if (!Texts.isTitleLike(text, 80, 10)) {
            return false;
        }
        if (inRelatedSection && !CLOSING_HEADINGS.contains(Texts.withoutTrailingColon(text).toLowerCase(Locale.ROOT))) {
            return false; // the titles of teasers for other articles are not sections of this one
        }
        if (hardWrapped) {
            boolean blankBefore = i == 0 || lines.get(i - 1).blank();
            boolean blankAfter = i + 1 >= lines.size() || lines.get(i + 1).blank();
            return blankBefore && blankAfter;
        }
        boolean continued = i + 1 < lines.size() && !lines.get(i + 1).blank()
                && Character.isLowerCase(lines.get(i + 1).text().codePointAt(0));
        return !continued && (paragraph.isEmpty() || Texts.endsSentence(paragraph.getLast()));
    }

    /**
     * {@code I. Prelude:} or {@code 3. Results} or {@code 2.1 Method} as a heading: not indented, short, and not
     * one of a run of numbered lines (that is a list) unless it ends with a colon as section titles here do.
     */
    private @Nullable DraftBlock numberedHeading(int i) {
        Line line = lines.get(i);
        if (line.indent() > 0) {
            return null;
        }
        String text = line.text();
        char first = text.isEmpty() ? ' ' : text.charAt(0);
        if ("IVXLCDM".indexOf(first) < 0 && !Character.isDigit(first)) {
            return null; // cheap exit for the common case; the patterns below decide the rest
        }
        int level = 2;
        Matcher m = ROMAN_HEADING.matcher(text);
        if (!m.matches()) {
            m = NESTED_HEADING.matcher(text);
            if (m.matches()) {
                level = Math.min(6, 2 + (int) m.group(1).chars().filter(c -> c == '.').count());
            } else {
                m = ARABIC_HEADING.matcher(text);
                if (!m.matches()) {
                    return null;
                }
            }
        }
        String title = Texts.withoutTrailingColon(m.group(2));
        if (!Texts.isTitleLike(title, 80, 12)) {
            return null;
        }
        if (!text.endsWith(":") && (isNumbered(previousNonBlank(i)) || isNumbered(nextNonBlank(i)))) {
            return null;
        }
        return DraftBlock.heading(level, Texts.withoutTrailingColon(text));
    }

    private boolean isNumbered(@Nullable Line line) {
        return line != null && isNumberedItem(line.text());
    }

    private @Nullable Line previousNonBlank(int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (!lines.get(k).blank()) {
                return lines.get(k);
            }
        }
        return null;
    }

    private @Nullable Line nextNonBlank(int i) {
        for (int k = i + 1; k < lines.size(); k++) {
            if (!lines.get(k).blank()) {
                return lines.get(k);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- tables and lists

    /** A row of a flattened table: {@code Belligerents | |||||}, {@code ---|---|}, {@code 22 civilians killed |}. */
    private static boolean isPipeRow(String text) {
        int pipes = 0;
        for (int i = 0; i < text.length() && pipes < 2; i++) {
            if (text.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes >= 2 || (pipes == 1 && (text.startsWith("|") || text.endsWith("|")));
    }

    /** Non-empty cells of a row; separator rows ({@code ---|:--:|}) have none. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        boolean separatorOnly = true;
        for (String part : row.split("\\|", -1)) {
            String cell = Texts.collapse(part);
            if (cell.isEmpty()) {
                continue;
            }
            separatorOnly &= SEPARATOR_CELL.matcher(cell).matches();
            cells.add(cell);
        }
        return separatorOnly ? List.of() : cells;
    }

    private int table(int start) {
        List<String> rows = new ArrayList<>();
        int i = start;
        while (i < lines.size() && isPipeRow(lines.get(i).text())) {
            List<String> cells = cells(lines.get(i).text());
            if (!cells.isEmpty()) {
                rows.add(String.join(" | ", cells));
            }
            i = nextRowOfRun(i, PlainTextParser::isPipeRow);
        }
        if (!rows.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.TABLE, String.join("\n", rows)));
        }
        return i;
    }

    /**
     * The line after row {@code i} of a run (table rows, links): the next line, or past blank lines when the run
     * goes on after them (double-spaced text), else the first blank line, which ends the run.
     */
    private int nextRowOfRun(int i, Predicate<String> inRun) {
        int next = i + 1;
        while (next < lines.size() && lines.get(next).blank()) {
            next++;
        }
        return next < lines.size() && next > i + 1 && inRun.test(lines.get(next).text()) ? next : i + 1;
    }

    private static boolean isUrl(String text) {
        return (text.startsWith("http") || text.startsWith("www.")) && URL.matcher(text).matches();
    }

    private int urlList(int start) {
        List<String> items = new ArrayList<>();
        int i = start;
        while (i < lines.size() && isUrl(lines.get(i).text())) {
            items.add(lines.get(i).text());
            i = nextRowOfRun(i, PlainTextParser::isUrl);
        }
        out.add(DraftBlock.of(BlockKind.LIST, String.join("\n", items)));
        return i;
    }

    private static boolean isListItem(Line line) {
        String text = line.text();
        return !text.isEmpty() && ("-*+•‣◦▪".indexOf(text.charAt(0)) >= 0 && BULLET.matcher(text).matches()
                || isNumberedItem(text));
    }

    /** "1. …", "a) …", "iv. …": a marker of at most five characters followed by "." or ")". */
    private static boolean isNumberedItem(String text) {
        int mark = -1;
        for (int i = 1; i < Math.min(text.length(), 6); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ')') {
                mark = i;
                break;
            }
        }
        return mark > 0 && NUMBERED_ITEM.matcher(text).matches();
    }

    /**
     * Consecutive items (blank lines between them allowed); a more indented line that is not an item continues
     * the item before it.
     */
    private int list(int start) {
        List<String> items = new ArrayList<>();
        int indent = lines.get(start).indent();
        int i = start;
        while (i < lines.size()) {
            Line line = lines.get(i);
            if (line.blank()) {
                Line next = nextNonBlank(i);
                if (next == null || !isListItem(next)) {
                    break;
                }
                i++;
                continue;
            }
            Matcher bullet = BULLET.matcher(line.text());
            Matcher numbered = NUMBERED_ITEM.matcher(line.text());
            if (bullet.matches()) {
                items.add(bullet.group(1));
            } else if (numbered.matches()) {
                items.add(withoutBacklinks(numbered.group(1)));
            } else if (line.indent() > indent && !items.isEmpty()) {
                items.set(items.size() - 1, items.getLast() + " " + line.text());
            } else {
                break;
            }
            i++;
        }
        if (!items.isEmpty()) {
            out.add(DraftBlock.of(BlockKind.LIST, String.join("\n", items)));
        }
        return i;
    }

    /**
     * Strips the back-links copied with a Wikipedia reference ("^ a b c" or "1 2 3" before the citation text):
     * they are the page's jump-back links, not part of the reference.
     */
    static String withoutBacklinks(String item) {
        String[] tokens = item.split(" ", -1);
        int skip = 0;
        if (tokens[0].equals("^")) {
            skip = 1;
            char expected = 'a';
            while (skip < tokens.length - 1 && tokens[skip].length() == 1 && tokens[skip].charAt(0) == expected) {
                skip++;
                expected++;
            }
        } else {
            int expected = 1;
            while (skip < tokens.length - 1 && tokens[skip].equals(Integer.toString(expected))) {
                skip++;
                expected++;
            }
            if (skip < 2) {
                skip = 0; // a single leading "1" may be the reference's own text
            }
        }
        if (skip == 0 || skip >= tokens.length) {
            return item;
        }
        return String.join(" ", Arrays.copyOfRange(tokens, skip, tokens.length));
    }
}
