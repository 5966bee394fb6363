package org.annals.source.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * HTML, parsed by jsoup as a browser would. Only text is ever produced, so nothing executable can come through:
 * scripts, styles, embedded objects and the like are removed with their content, and attributes ({@code on…}
 * handlers, {@code javascript:} links, styles) are simply never read. Block elements map to block kinds; the
 * content of nav, header, footer and aside (outside an article) is kept but flagged as chrome.
 */
final class HtmlParser {

    /** Elements whose content is never text for a reader (and those marked hidden, and MediaWiki's edit links). */
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "svg", "math", "canvas", "audio", "video", "button", "input", "select", "textarea", "head");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Elements that are blocks of their own kind or end a paragraph. */
    private static final Set<String> BLOCKS = Set.of("p", "pre", "ul", "ol", "dl", "table", "blockquote", "figure",
            "figcaption", "hr");

    /** Block containers: their text between child blocks forms paragraphs of its own. */
    private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "form",
            "details", "summary", "address", "center", "fieldset", "legend", "li", "dd", "dt", "caption", "td",
            "th", "tr", "tbody", "thead", "tfoot", "hgroup", "search", "dialog", "menu");

    private final List<DraftBlock> out = new ArrayList<>();
    private final StringBuilder inline = new StringBuilder();

    private HtmlParser() {
    }

    static ParsedDocument parse(String html, ParseLimits limits) {
        // A quick upper estimate first: a file nested a hundred thousand levels, or with a tag of a million
        // attributes, is refused before jsoup spends seconds building the tree.
        TagDepth.check(html, limits);
        Document document = Jsoup.parse(html);
        // jsoup builds the tree without recursion; walking it here recurses, so the depth is checked first.
        limits.checkDepth(depth(document, limits.maxDepth()), "The HTML nests elements");
        return read(document);
    }

    /**
     * Reads a document jsoup has already built and whose depth is known to be within the limits (the main content
     * {@link ArticleHtml} found in a fetched page, which is read without writing it out as HTML and parsing it
     * again). The document is changed: what is never text is removed from it.
     */
    static ParsedDocument read(Document document) {
        String title = Texts.collapse(document.title());
        removeDropped(document);
        HtmlParser parser = new HtmlParser();
        parser.walk(document.body(), null);
        parser.flush(null);
        Element h1 = document.body().selectFirst("h1");
        String h1Text = h1 == null ? "" : Texts.collapse(h1.text());
        if (title.isEmpty()) {
            title = h1Text;
        } else if (!h1Text.isEmpty() && title.startsWith(h1Text) && title.length() > h1Text.length()) {
            title = h1Text; // "2024 Hama offensive - Wikipedia": the site name is not part of the title
        }
        return new ParsedDocument(title.isEmpty() ? null : title, parser.out);
    }

    /**
     * Removes what is never text, in one walk that looks at each element's name and two attributes: a CSS selector of
     * nineteen alternatives tried on each of a million elements cost more than a second.
     */
    private static void removeDropped(Document document) {
        List<Element> dropped = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && (DROPPED.contains(e.normalName()) || e.hasAttr("hidden")
                        || e.hasClass("mw-editsection"))) {
                    dropped.add(e);
                    return FilterResult.SKIP_ENTIRELY; // what is inside goes with it
                }
                return FilterResult.CONTINUE;
            }
        }, document);
        dropped.forEach(Element::remove);
    }

    /** The depth of the deepest element, counted up to one past {@code max} (no need to look further). */
    static int depth(Document document, int max) {
        int[] deepest = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element) {
                    deepest[0] = Math.max(deepest[0], depth);
                }
                return deepest[0] > max ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, document);
        return deepest[0];
    }

    private void walk(Element element, @Nullable String chrome) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                inline.append(text.getWholeText());
            } else if (child instanceof Element e) {
                visit(e, chrome);
            }
        }
    }

    /**
     * One element. Text gathered before a block element belongs to the surrounding context, so it is flushed
     * with the inherited chrome reason; the element's own blocks get the element's reason.
     */
    private void visit(Element e, @Nullable String inheritedChrome) {
        String tag = e.normalName();
        String chrome = inheritedChrome != null ? inheritedChrome : chromeOf(e);
        boolean block = isBlock(tag, chrome, inheritedChrome);
        if (block) {
            flush(inheritedChrome);
        }
        if (HEADINGS.contains(tag)) {
            add(DraftBlock.heading(tag.charAt(1) - '0', Texts.collapse(e.text())), chrome);
        } else if (tag.equals("ul") || tag.equals("ol") || tag.equals("dl")) {
            List<String> items = new ArrayList<>();
            listItems(e, 0, items);
            if (!items.isEmpty()) {
                add(DraftBlock.of(BlockKind.LIST, Texts.listText(items)), chrome);
            }
        } else if (tag.equals("table")) {
            add(DraftBlock.of(BlockKind.TABLE, String.join("\n", tableRows(e))), chrome);
        } else if (tag.equals("blockquote")) {
            quote(e, chrome);
        } else if (tag.equals("figcaption")) {
            add(DraftBlock.of(BlockKind.PARAGRAPH, Texts.collapse(e.text())),
                    chrome != null ? chrome : ChromeDetector.IMAGE_CAPTION);
        } else if (tag.equals("br")) {
            inline.append(' ');
        } else if (!tag.equals("hr")) {
            walk(e, chrome); // paragraphs, containers and inline elements alike
            if (block) {
                flush(chrome);
            }
        }
    }

    private static boolean isBlock(String tag, @Nullable String chrome, @Nullable String inherited) {
        // An element that starts chrome (nav, a page's footer …) is a block whatever its tag.
        return HEADINGS.contains(tag) || CONTAINERS.contains(tag) || BLOCKS.contains(tag)
                || (chrome != null && inherited == null);
    }

    /**
     * Page chrome by element: navigation, and header, footer and sidebar of the page (a header or footer inside
     * an article or section belongs to that content).
     */
    private static @Nullable String chromeOf(Element e) {
        String role = e.attr("role");
        return switch (e.normalName()) {
            case "nav" -> "navigation";
            case "aside" -> "sidebar";
            case "header" -> insideContent(e) ? null : "page header";
            case "footer" -> insideContent(e) ? null : "page footer";
            default -> switch (role) {
                case "navigation" -> "navigation";
                case "banner" -> "page header";
                case "contentinfo" -> "page footer";
                case "complementary" -> "sidebar";
                default -> null;
            };
        };
    }

    private static boolean insideContent(Element e) {
        for (Element parent = e.parent(); parent != null; parent = parent.parent()) {
            String tag = parent.normalName();
            if (tag.equals("article") || tag.equals("main") || tag.equals("section")) {
                return true;
            }
        }
        return false;
    }

    private void flush(@Nullable String chrome) {
        String text = Texts.collapse(inline);
        inline.setLength(0);
        if (!text.isEmpty()) {
            add(DraftBlock.of(BlockKind.PARAGRAPH, text), chrome);
        }
    }

    private void add(DraftBlock block, @Nullable String chrome) {
        if (block.text().isEmpty()) {
            return;
        }
        out.add(chrome == null ? block : block.asChrome(chrome));
    }

    /** One line per item, its own text only; nested lists follow as lines indented two spaces per level. */
    private static void listItems(Element list, int depth, List<String> lines) {
        for (Element item : list.children()) {
            String tag = item.normalName();
            if (isList(tag)) {
                listItems(item, depth + 1, lines);
                continue;
            }
            List<Element> nested = new ArrayList<>();
            String text = Texts.collapse(ownText(item, nested));
            if (!text.isEmpty()) {
                lines.add("  ".repeat(depth) + text);
            }
            for (Element list2 : nested) {
                listItems(list2, depth + 1, lines);
            }
        }
    }

    private static boolean isList(String tag) {
        return tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
    }

    /**
     * The text of an item without the lists nested in it, which are collected into {@code nested} (only the
     * outermost ones; deeper lists belong to their own items). One pass over the item, whatever the nesting, where
     * copying the item and removing its lists would copy every level again.
     */
    private static String ownText(Element item, List<Element> nested) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                } else if (node instanceof Element e && e != item) {
                    if (isList(e.normalName())) {
                        nested.add(e);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.isBlock() || e.normalName().equals("br")) {
                        text.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e != item && e.isBlock()) {
                    text.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, item);
        return text.toString();
    }

    /** Rows of this table (not of tables nested in its cells), cells joined by " | ", empty cells left out. */
    private static List<String> tableRows(Element table) {
        List<String> rows = new ArrayList<>();
        Element caption = table.selectFirst("> caption");
        if (caption != null && !Texts.collapse(caption.text()).isEmpty()) {
            rows.add(Texts.collapse(caption.text()));
        }
        for (Element row : table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                String text = Texts.collapse(cell.text());
                if (!text.isEmpty()) {
                    cells.add(text);
                }
            }
            if (!cells.isEmpty()) {
                rows.add(String.join(" | ", cells));
            }
        }
        return rows;
    }

    /** A quotation: the blocks inside it, one per line. */
    private void quote(Element blockquote, @Nullable String chrome) {
        HtmlParser inner = new HtmlParser();
        inner.walk(blockquote, null);
        inner.flush(null);
        List<String> texts = new ArrayList<>();
        for (DraftBlock block : inner.out) {
            texts.add(block.text());
        }
        add(DraftBlock.of(BlockKind.QUOTE, String.join("\n", texts)), chrome);
    }
}
