package org.annals.source.parse;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the blocks of a word-processor document (Word or OpenDocument) in reading order, in exactly the forms the
 * HTML parser gives: list items one per line, nested items indented two spaces per level; table rows one per line,
 * non-empty cells joined by " | "; no empty blocks. Footnotes and endnotes are numbered in the order they are first
 * referred to: the reference stays in the text as {@code [1]}, the form the citation detection recognises, and the
 * notes follow at the end under a "Notes" heading, each as a paragraph starting with its marker.
 *
 * <p>Heading levels: a paragraph in the document's Title style is the level-1 heading; when a document uses it,
 * its "Heading 1" sections become level 2 and so on (capped at 6), so the sections nest under the title as they do
 * in the word processor's navigator.
 */
final class OfficeBlocks {

    /** Marks a heading block that came from the Title style, until {@link #finish} knows whether to shift levels. */
    private static final int TITLE = 0;

    private final ParseLimits limits;
    private final List<DraftBlock> blocks = new ArrayList<>();
    private final List<String> listLines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean hasTitle;

    OfficeBlocks(ParseLimits limits) {
        this.limits = limits;
    }

    /** A paragraph in the Title style. */
    void title(String text) {
        hasTitle = true;
        add(new DraftBlock(BlockKind.HEADING, TITLE, Texts.collapse(text), null));
    }

    /** A heading at its outline level (1 = "Heading 1"); levels past 6 become 6. */
    void heading(int level, String text, @Nullable String chrome) {
        add(withChrome(DraftBlock.heading(Math.clamp(level, 1, 6), Texts.collapse(text)), chrome));
    }

    void paragraph(String text, @Nullable String chrome) {
        add(withChrome(DraftBlock.of(BlockKind.PARAGRAPH, Texts.collapse(text)), chrome));
    }

    /** One item of a list at its nesting depth (0 = outermost); consecutive items make one list block. */
    void listItem(int depth, String text) {
        String item = Texts.collapse(text);
        if (!item.isEmpty()) {
            listLines.add("  ".repeat(Math.clamp(depth, 0, limits.maxDepth())) + item);
            limits.checkCount(listLines.size(), "list items in one list");
        }
    }

    /** Ends the current list, if any: the next item starts a new one. */
    void endList() {
        if (!listLines.isEmpty()) {
            String text = Texts.listText(listLines);
            listLines.clear();
            add(DraftBlock.of(BlockKind.LIST, text));
        }
    }

    /** A table from its rows of cell texts; empty cells and empty rows are left out. */
    void table(List<List<String>> rows) {
        add(DraftBlock.of(BlockKind.TABLE, tableText(rows)));
    }

    static String tableText(List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) {
                String text = Texts.collapse(cell);
                if (!text.isEmpty()) {
                    cells.add(text);
                }
            }
            if (!cells.isEmpty()) {
                lines.add(String.join(" | ", cells));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Registers a footnote or endnote and returns its marker ({@code [3]}) for the text that refers to it. The note's
     * own text is given when it is first referred to.
     */
    String note(String text) {
        notes.add(Texts.collapse(text));
        limits.checkCount(notes.size(), "footnotes and endnotes");
        return "[" + notes.size() + "]";
    }

    private static DraftBlock withChrome(DraftBlock block, @Nullable String chrome) {
        return chrome == null ? block : block.asChrome(chrome);
    }

    private void add(DraftBlock block) {
        if (block.kind() != BlockKind.LIST) {
            endList();
        }
        if (block.text().isEmpty()) {
            return;
        }
        blocks.add(block);
        limits.checkCount(blocks.size(), "blocks (paragraphs, headings, lists, tables)");
    }

    /** The document, with the notes section at the end and heading levels settled. */
    ParsedDocument finish(@Nullable String title) {
        endList();
        int shift = hasTitle ? 1 : 0;
        List<DraftBlock> out = new ArrayList<>(blocks.size() + notes.size() + 1);
        int topLevel = 7;
        for (DraftBlock block : blocks) {
            if (block.kind() != BlockKind.HEADING) {
                out.add(block);
            } else if (block.level() == TITLE) {
                out.add(DraftBlock.heading(1, block.text()));
            } else {
                DraftBlock shifted = new DraftBlock(BlockKind.HEADING, Math.min(6, block.level() + shift),
                        block.text(), block.chromeReason());
                out.add(shifted);
                if (!shifted.looksLikeChrome()) {
                    topLevel = Math.min(topLevel, shifted.level());
                }
            }
        }
        if (!notes.isEmpty()) {
            // A sibling of the document's top sections; never level 1 in a document without headings, where it
            // would be taken for the document's title.
            out.add(DraftBlock.heading(topLevel <= 6 ? topLevel : 2, "Notes"));
            for (int i = 0; i < notes.size(); i++) {
                String note = notes.get(i);
                out.add(DraftBlock.of(BlockKind.PARAGRAPH, "[" + (i + 1) + "]" + (note.isEmpty() ? "" : " " + note)));
            }
        }
        String cleanTitle = title == null ? "" : Texts.collapse(title);
        return new ParsedDocument(cleanTitle.isEmpty() ? null : cleanTitle, out);
    }
}
