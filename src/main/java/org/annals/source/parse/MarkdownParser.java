package org.annals.source.parse;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.delimiter.DelimiterProcessor;
import org.commonmark.parser.delimiter.DelimiterRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Markdown (CommonMark with GitHub's pipe tables) read by commonmark-java, its tree walked into blocks: headings,
 * paragraphs, lists (one item per line, nested items indented two spaces per level; lists that follow each other
 * become one block), block quotes (their paragraphs one per line), tables (one row per line, cells joined by
 * " | "), code as a paragraph, and HTML blocks read by {@link HtmlParser} so scripts and styles are dropped as in an
 * HTML import. Inline markup goes and its words stay; images become blocks of their own, flagged as chrome.
 *
 * <p>commonmark-java builds its tree without recursion and caps how deep blocks and inline nodes nest; the limits of
 * {@link ParseLimits} are checked on the text first ({@link MarkdownLimits}), so a hostile file is refused with
 * the same messages as before the library took over, and this walk recurses at most that deep.
 */
final class MarkdownParser {

    static final String IMAGE = "image";

    private final ParseLimits limits;
    private final List<DraftBlock> out = new ArrayList<>();

    private MarkdownParser(ParseLimits limits) {
        this.limits = limits;
    }

    static List<DraftBlock> parse(String text, ParseLimits limits) {
        String normalized = Texts.normalizeNewlines(text);
        MarkdownLimits.check(normalized, limits);
        Parser parser = Parser.builder()
                .extensions(List.of(TablesExtension.builder().maxCells(limits.maxElements()).build()))
                .customDelimiterProcessor(new StrikethroughRemover())
                // A list item is two open blocks (list and item): room for the whole depth the limits allow, so the
                // library's own cap (deeper markers read as text) is only a second line of defence.
                .maxOpenBlockParsers(2 * limits.maxDepth() + 2)
                .maxInlineNesting(limits.maxDepth())
                .build();
        Node document;
        try {
            document = parser.parse(normalized);
        } catch (IllegalArgumentException tooManyCells) {
            throw new SourceTooComplexException("A table of the file has more than "
                    + ParseLimits.number(limits.maxElements()) + " cells. Annals imports at most that many; split it"
                    + " into smaller files.");
        }
        MarkdownParser walker = new MarkdownParser(limits);
        walker.blocks(document, walker.out, 0);
        return walker.out;
    }

    /** The blocks of a container's children, appended to {@code into}; {@code depth} counts enclosing containers. */
    private void blocks(Node container, List<DraftBlock> into, int depth) {
        limits.checkDepth(depth, "Block quotes and lists are nested");
        Node child = container.getFirstChild();
        while (child != null) {
            if (child instanceof ListBlock) {
                child = list(child, into, depth);
                continue;
            }
            block(child, into, depth);
            child = child.getNext();
        }
    }

    private void block(Node node, List<DraftBlock> into, int depth) {
        switch (node) {
            case Heading heading -> {
                Inline inline = inline(heading);
                if (!inline.text().isEmpty()) {
                    into.add(DraftBlock.heading(heading.getLevel(), inline.text()));
                }
                addImages(inline.images(), into);
            }
            case Paragraph paragraph -> {
                Inline inline = inline(paragraph);
                if (!inline.text().isEmpty()) {
                    into.add(DraftBlock.of(BlockKind.PARAGRAPH, inline.text()));
                }
                addImages(inline.images(), into);
            }
            case FencedCodeBlock code -> code(code.getLiteral(), into);
            case IndentedCodeBlock code -> code(code.getLiteral(), into);
            case HtmlBlock html -> into.addAll(HtmlParser.parse(html.getLiteral(), limits).blocks());
            case BlockQuote quote -> quote(quote, into, depth);
            case TableBlock table -> table(table, into);
            default -> {
                // Thematic breaks and link reference definitions hold nothing a reader sees.
            }
        }
    }

    private static void code(String literal, List<DraftBlock> into) {
        String text = Texts.collapse(literal);
        if (!text.isEmpty()) {
            into.add(DraftBlock.of(BlockKind.PARAGRAPH, text));
        }
    }

    /** A block quote's blocks, one per line; pictures in it follow it as blocks of their own. */
    private void quote(BlockQuote quote, List<DraftBlock> into, int depth) {
        List<DraftBlock> inner = new ArrayList<>();
        blocks(quote, inner, depth + 1);
        List<String> texts = new ArrayList<>();
        List<DraftBlock> chrome = new ArrayList<>();
        for (DraftBlock block : inner) {
            if (block.looksLikeChrome()) {
                chrome.add(block);
            } else {
                texts.add(block.text());
            }
        }
        if (!texts.isEmpty()) {
            into.add(DraftBlock.of(BlockKind.QUOTE, String.join("\n", texts)));
        }
        into.addAll(chrome);
    }

    /**
     * A list and the lists right after it (a bullet list followed by a numbered one is two lists to CommonMark, one
     * list to a reader) as one block; returns the node after them.
     */
    private Node list(Node first, List<DraftBlock> into, int depth) {
        List<String> items = new ArrayList<>();
        List<DraftBlock> chrome = new ArrayList<>();
        Node node = first;
        while (node instanceof ListBlock list) {
            items(list, 0, items, chrome, depth);
            node = node.getNext();
        }
        if (!items.isEmpty()) {
            into.add(DraftBlock.of(BlockKind.LIST, Texts.listText(items)));
        }
        into.addAll(chrome);
        return node;
    }

    /** Each item's own text on a line (its paragraphs joined), then its nested lists one level deeper. */
    private void items(ListBlock list, int level, List<String> items, List<DraftBlock> chrome, int depth) {
        limits.checkDepth(level + 1, "List items are nested");
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            List<ListBlock> nested = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock inner) {
                    nested.add(inner);
                    continue;
                }
                List<DraftBlock> inner = new ArrayList<>();
                block(child, inner, depth + 1);
                for (DraftBlock block : inner) {
                    if (block.looksLikeChrome()) {
                        chrome.add(block);
                    } else {
                        texts.add(block.text());
                    }
                }
            }
            String text = Texts.collapse(String.join(" ", texts));
            if (!text.isEmpty()) {
                items.add("  ".repeat(level) + text);
            }
            for (ListBlock inner : nested) {
                items(inner, level + 1, items, chrome, depth + 1);
            }
        }
    }

    /** Rows one per line, empty cells and rows left out. */
    private void table(TableBlock table, List<DraftBlock> into) {
        List<String> rows = new ArrayList<>();
        List<DraftBlock> chrome = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) { // head and body
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        Inline inline = inline(cell);
                        if (!inline.text().isEmpty()) {
                            cells.add(inline.text());
                        }
                        addImages(inline.images(), chrome);
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(String.join(" | ", cells));
                }
            }
        }
        if (!rows.isEmpty()) {
            into.add(DraftBlock.of(BlockKind.TABLE, String.join("\n", rows)));
        }
        into.addAll(chrome);
    }

    /** Pictures cannot be imported as text; their alt text is kept as a block the person may drop. */
    private static void addImages(List<String> images, List<DraftBlock> into) {
        for (String image : images) {
            if (!image.isEmpty()) {
                into.add(DraftBlock.of(BlockKind.PARAGRAPH, image).asChrome(IMAGE));
            }
        }
    }

    /** The words of a block without markup, and the pictures in it (alt text, or the file name when it has none). */
    private record Inline(String text, List<String> images) {
    }

    /**
     * The text of a block's inline nodes, walked without recursion (links may hold images that hold images). Inline
     * HTML goes through jsoup together with the text around it, so {@code <b>bold</b>} keeps its word and an inline
     * {@code <script>} loses its content, as in an HTML import.
     */
    private static Inline inline(Node block) {
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        boolean hasHtml = false;
        List<String> images = new ArrayList<>();
        Node node = block.getFirstChild();
        while (node != null) {
            boolean descend = false;
            switch (node) {
                case Text text -> {
                    plain.append(text.getLiteral());
                    html.append(Entities.escape(text.getLiteral()));
                }
                case Code code -> {
                    plain.append(code.getLiteral());
                    html.append(Entities.escape(code.getLiteral()));
                }
                case SoftLineBreak _ -> {
                    plain.append(' ');
                    html.append(' ');
                }
                case HardLineBreak _ -> {
                    plain.append(' ');
                    html.append(' ');
                }
                case HtmlInline tag -> {
                    hasHtml = true;
                    html.append(tag.getLiteral());
                }
                case Image image -> {
                    String alt = Texts.collapse(textOf(image));
                    images.add(alt.isEmpty() ? fileName(image.getDestination()) : alt);
                }
                default -> descend = true; // emphasis, links, strike-through: their words
            }
            node = next(block, node, descend);
        }
        String text = hasHtml ? Jsoup.parseBodyFragment(html.toString()).text() : plain.toString();
        return new Inline(Texts.collapse(text), List.copyOf(images));
    }

    /** The plain words under a node (an image's alt text), walked without recursion. */
    private static String textOf(Node root) {
        StringBuilder text = new StringBuilder();
        Node node = root.getFirstChild();
        while (node != null) {
            switch (node) {
                case Text t -> text.append(t.getLiteral());
                case Code c -> text.append(c.getLiteral());
                case SoftLineBreak _ -> text.append(' ');
                case HardLineBreak _ -> text.append(' ');
                default -> {
                }
            }
            node = next(root, node, true);
        }
        return text.toString();
    }

    /** The next node of a pre-order walk under {@code root}, or null at the end. */
    private static Node next(Node root, Node node, boolean descend) {
        if (descend && node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node at = node;
        while (at != root && at.getNext() == null) {
            at = at.getParent();
        }
        return at == root ? null : at.getNext();
    }

    private static String fileName(String destination) {
        int slash = destination.lastIndexOf('/');
        return slash >= 0 ? destination.substring(slash + 1) : destination;
    }

    /**
     * GitHub's strike-through ({@code ~~gone~~}): the tildes go and the words stay, as with emphasis. The parser
     * removes the delimiters it is told were used; nothing needs wrapping, since only the words are kept.
     */
    private static final class StrikethroughRemover implements DelimiterProcessor {

        @Override
        public char getOpeningCharacter() {
            return '~';
        }

        @Override
        public char getClosingCharacter() {
            return '~';
        }

        @Override
        public int getMinLength() {
            return 2;
        }

        @Override
        public int process(DelimiterRun openingRun, DelimiterRun closingRun) {
            return openingRun.length() == 2 && closingRun.length() == 2 ? 2 : 0;
        }
    }
}
