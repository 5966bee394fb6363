package org.annals.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.InvalidInputException;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock;

/**
 * Builds the immutable text of a source from the blocks a person chose to keep. Blocks are
 * normalised one by one (Unicode NFC, {@code \n} line ends, no control characters but tab and
 * newline, no trailing spaces) and joined with a blank line, so every offset is computed on the final
 * text and never shifts afterwards.
 */
public final class TextFreezer {

    static final String BLOCK_SEPARATOR = "\n\n";

    /**
     * Citation markers as encyclopedias and scraped pages print them: {@code [27]}, {@code [a]},
     * {@code [note 3]}, {@code [ better source needed ]}, {@code [citation needed]}.
     */
    private static final Pattern CITATION = Pattern.compile(
            "\\[\\s*(?:\\d{1,4}|[a-z]{1,2}|(?:note|nb|n)\\s?\\d{1,3}"
                    + "|[A-Za-z][A-Za-z ,'’-]{0,60}?"
                    + "(?:(?:needed|required|verification|dubious|discuss|clarify|citation|source)\\??|(?:when|who|whom|which)\\?)"
                    + ")\\s*\\]");
    /** A byte-order mark inside a text is a left-over of concatenated files, never content. */
    private static final int BYTE_ORDER_MARK = 0xFEFF;
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+$", Pattern.MULTILINE);

    private TextFreezer() {
    }

    public static FrozenText freeze(List<DraftBlock> keptBlocks) {
        var text = new StringBuilder();
        var passages = new ArrayList<FrozenText.Passage>();
        var sections = new ArrayList<FrozenText.Section>();
        var sectionEnds = new ArrayList<Integer>();
        Deque<Integer> openSections = new ArrayDeque<>();

        for (DraftBlock block : keptBlocks) {
            String normalised = normalise(block.text());
            if (normalised.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(BLOCK_SEPARATOR);
            }
            int start = text.length();
            text.append(normalised);
            int end = text.length();
            if (block.kind() == BlockKind.HEADING) {
                int level = Math.clamp(block.level(), 1, 6);
                while (!openSections.isEmpty() && sections.get(openSections.peek()).level() >= level) {
                    sectionEnds.set(openSections.pop(), lastContentEnd(passages, start));
                }
                Integer parent = openSections.peek();
                sections.add(new FrozenText.Section(level, normalised.replace('\n', ' '), start, -1, parent));
                sectionEnds.add(-1);
                openSections.push(sections.size() - 1);
            }
            passages.add(new FrozenText.Passage(block.kind(), start, end, openSections.peek(), block.pages()));
        }
        if (text.isEmpty()) {
            throw new InvalidInputException("Nothing to import: keep at least one block with text.");
        }
        while (!openSections.isEmpty()) {
            sectionEnds.set(openSections.pop(), text.length());
        }
        var closed = new ArrayList<FrozenText.Section>(sections.size());
        for (int i = 0; i < sections.size(); i++) {
            var s = sections.get(i);
            closed.add(new FrozenText.Section(s.level(), s.title(), s.start(), sectionEnds.get(i), s.parent()));
        }
        String frozen = text.toString();
        return new FrozenText(frozen, sha256(frozen), closed, passages, citations(frozen));
    }

    /** A section ends where its last passage ends, not on the blank line before the next heading. */
    private static int lastContentEnd(List<FrozenText.Passage> passages, int nextStart) {
        return passages.isEmpty() ? nextStart : passages.getLast().end();
    }

    static String normalise(String blockText) {
        String text = Normalizer.normalize(blockText, Normalizer.Form.NFC);
        text = LINE_BREAKS.matcher(text).replaceAll("\n");
        var clean = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !(Character.isISOControl(c) || c == BYTE_ORDER_MARK))
                .forEach(clean::appendCodePoint);
        text = TRAILING_SPACE.matcher(clean).replaceAll("");
        return text.strip();
    }

    static List<FrozenText.Range> citations(String text) {
        var ranges = new ArrayList<FrozenText.Range>();
        Matcher matcher = CITATION.matcher(text);
        while (matcher.find()) {
            ranges.add(new FrozenText.Range(matcher.start(), matcher.end()));
        }
        return ranges;
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
