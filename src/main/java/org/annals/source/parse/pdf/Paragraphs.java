package org.annals.source.parse.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;
import org.jspecify.annotations.Nullable;

/**
 * Builds blocks from lines in reading order: headings, and paragraphs joined across line breaks, columns and
 * pages. A paragraph ends at a wider gap than the lines' usual spacing, a change of size, an indented first line,
 * a list marker, or after a line that stops well short of its column's edge. At the top of a column or page it
 * goes on when the line before reached the column's edge and did not end a sentence. Chrome lines become blocks
 * of their own, flagged, placed after the paragraph they interrupt, each with its page.
 */
final class Paragraphs {

    private static final Pattern LIST_MARKER = Pattern.compile("(?:[•·▪◦●■–—*]|\\(?\\p{Nd}{1,3}[.)]|\\(?[a-z][.)])\\s.*");
    /** What may end a paragraph at a column's foot; a semicolon or comma there runs on. */
    private static final String SENTENCE_END = ".!?:\"”’»)]…。؟";

    private final List<DraftBlock> out = new ArrayList<>();
    private final List<DraftBlock> pendingChrome = new ArrayList<>();
    private final Hyphenation hyphenation;
    private final float lineStep;

    private @Nullable StringBuilder text;
    private @Nullable Line first;
    private @Nullable Line last;
    private int headingLevel;

    private Paragraphs(Hyphenation hyphenation, float lineStep) {
        this.hyphenation = hyphenation;
        this.lineStep = lineStep;
    }

    /**
     * The blocks of a document. {@code content} are its content lines in reading order with their heading levels
     * by index; {@code chrome} the chrome lines with their reasons, by the content line they come before (or
     * {@code content.size()} for after the last).
     */
    static List<DraftBlock> blocks(List<Line> content, Map<Integer, Integer> headingLevels,
            Map<Integer, List<ChromeLine>> chrome, float lineStep) {
        var builder = new Paragraphs(new Hyphenation(content), lineStep);
        for (int i = 0; i <= content.size(); i++) {
            for (ChromeLine c : chrome.getOrDefault(i, List.of())) {
                builder.pendingChrome.add(DraftBlock.of(BlockKind.PARAGRAPH, c.line().text())
                        .onPages(c.line().page(), c.line().page()).asChrome(c.reason()));
            }
            if (i == content.size()) {
                break;
            }
            Line line = content.get(i);
            if (line.text().isBlank()) {
                continue;
            }
            builder.add(line, headingLevels.getOrDefault(i, 0));
        }
        builder.flush();
        return builder.out;
    }

    /** A line of page chrome and why. */
    record ChromeLine(Line line, String reason) {
    }

    private void add(Line line, int level) {
        if (text != null && continues(line, level)) {
            append(line);
            return;
        }
        flush();
        text = new StringBuilder(line.text());
        first = line;
        last = line;
        headingLevel = level;
    }

    private boolean continues(Line line, int level) {
        Line previous = last;
        if (previous == null || first == null) {
            return false;
        }
        if (level != headingLevel) {
            return false;
        }
        if (level > 0) {
            // A heading set on several lines: same page, close below.
            return line.page() == previous.page() && line.y() > previous.y()
                    && line.y() - previous.y() < previous.size() * 1.8f && !line.columnStart();
        }
        if (Math.abs(line.size() - previous.size()) > 1f || LIST_MARKER.matcher(line.text()).matches()) {
            return false;
        }
        boolean endsSentence = SENTENCE_END.indexOf(previous.text().charAt(previous.text().length() - 1)) >= 0;
        // "recon-" then "struction": a word broken at the line end, whatever the line's length.
        boolean brokenWord = Hyphenation.endsWithHyphen(previous.text()) && Character.isLowerCase(line.text().charAt(0));
        if (line.columnStart() || line.page() != previous.page()) {
            // Across a column or a page: only a paragraph cut off mid-sentence at the column's edge goes on.
            return (previous.fill() > 0.85f || brokenWord) && !endsSentence && line.indent() < line.size();
        }
        float gap = line.y() - previous.y();
        if (gap <= 0 || gap > Math.max(lineStep, previous.size()) * 1.35f) {
            return false;
        }
        if (!brokenWord && (previous.fill() < 0.7f || (previous.fill() < 0.85f && endsSentence))) {
            return false;
        }
        // An indented first line opens a paragraph (the line before was not indented as much). A short line is not
        // taken for one: it is a last line, whichever side it is set to.
        return !(line.indent() > line.size() * 1.2f && line.indent() > previous.indent() + line.size()
                && line.reachesFarEdge() && line.fill() > 0.6f);
    }

    private void append(Line line) {
        // Only the end of the paragraph so far is looked at: a paragraph may run to megabytes over many pages.
        int tailStart = Math.max(0, text.length() - 100);
        String tail = text.substring(tailStart);
        String after = line.text();
        if (Hyphenation.endsWithHyphen(tail) && headingLevel == 0) {
            text.setLength(tailStart);
            text.append(hyphenation.join(tail, after));
        } else if (tail.endsWith("-") && tail.length() >= 2 && Character.isDigit(tail.charAt(tail.length() - 2))) {
            text.append(after); // "2011-" + "2012"
        } else {
            text.append(' ').append(after);
        }
        last = line;
    }

    private void flush() {
        if (text != null && first != null && last != null) {
            String block = text.toString().strip();
            if (!block.isEmpty()) {
                DraftBlock draft = headingLevel > 0 ? DraftBlock.heading(headingLevel, block)
                        : DraftBlock.of(BlockKind.PARAGRAPH, block);
                out.add(draft.onPages(first.page(), last.page()));
            }
        }
        text = null;
        first = null;
        last = null;
        headingLevel = 0;
        out.addAll(pendingChrome);
        pendingChrome.clear();
    }
}
