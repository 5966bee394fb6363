package org.annals.source.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an OpenDocument text (ODT) file into blocks: content.xml (and the paragraph styles of styles.xml, for the
 * Title style) through {@link OfficeXml}'s secure StAX reading, from entries unpacked by {@link SafeZip}. Apache
 * Tika's ODF parser was the first choice, but it is not served here at version 3.3.1 and its module brings a large
 * tree (JAXB, Bouncy Castle, PDFBox pieces, Guava); the OpenDocument text model is small enough to read directly
 * (docs/decisions/0036-office-documents.md).
 *
 * <p>What is read: headings ({@code text:h} with its outline level), paragraphs (the Title style as the title),
 * lists (nested), tables, sections, footnotes and endnotes ({@code text:note}) as numbered markers plus a "Notes"
 * section, and text boxes after the paragraph that anchors them. Indexes (table of contents and the like) are kept
 * but flagged as page chrome; comments, tracked deletions and page headers and footers are left out.
 */
final class OdtReader {

    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String WHAT = "The OpenDocument text";
    private static final String TABLE_OF_CONTENTS = "table of contents";

    /** Indexes the word processor generates from the text: a table of contents, an alphabetical index … */
    private static final Set<String> INDEXES = Set.of("table-of-content", "alphabetical-index", "illustration-index",
            "table-index", "object-index", "user-index", "bibliography");

    private final OfficeBlocks blocks;
    /** Paragraph style name to the name of the style it is based on. */
    private final Map<String, String> parents = new HashMap<>();
    private final Set<String> titleStyles = new HashSet<>();
    private boolean inNote;

    private OdtReader(ParseLimits limits) {
        this.blocks = new OfficeBlocks(limits);
    }

    static ParsedDocument read(byte[] bytes, ParseLimits limits) {
        SafeZip zip = SafeZip.open(bytes, WHAT);
        OfficeXml xml = new OfficeXml(limits, WHAT);
        SafeZip.Entry contentEntry = zip.entry("content.xml");
        if (contentEntry == null) {
            throw SafeZip.damaged(WHAT, "its content (content.xml) is missing");
        }
        SafeZip.Entry manifest = zip.entry("META-INF/manifest.xml");
        if (manifest != null && isEncrypted(xml.parse(zip.open(manifest), manifest.name()))) {
            throw new InvalidInputException(WHAT + " is protected with a password. Open it in LibreOffice, remove the"
                    + " password (File › Save As, without \"Save with password\") and retry.");
        }
        OdtReader reader = new OdtReader(limits);
        SafeZip.Entry stylesEntry = zip.entry("styles.xml");
        if (stylesEntry != null) {
            reader.styles(xml.parse(zip.open(stylesEntry), stylesEntry.name()));
        }
        Document content = xml.parse(zip.open(contentEntry), contentEntry.name());
        reader.styles(content); // automatic styles ("P1" based on "Title") live in content.xml
        String title = null;
        SafeZip.Entry metaEntry = zip.entry("meta.xml");
        if (metaEntry != null) {
            Document meta = xml.parse(zip.open(metaEntry), metaEntry.name());
            Node titleElement = meta.getElementsByTagNameNS(DC, "title").item(0);
            title = titleElement == null ? null : OfficeXml.text(titleElement);
        }
        Element body = OfficeXml.child(OfficeXml.child(content.getDocumentElement(), OFFICE, "body"), OFFICE, "text");
        if (body == null) {
            throw new InvalidInputException(WHAT + " holds no text body: it may be a drawing, spreadsheet or"
                    + " presentation saved under a text document's name. Open it in LibreOffice and save it as a text"
                    + " document (.odt).");
        }
        reader.body(body, null);
        return reader.blocks.finish(title);
    }

    private static boolean isEncrypted(Document manifest) {
        return manifest.getElementsByTagNameNS(MANIFEST, "encryption-data").getLength() > 0;
    }

    /** Collects paragraph styles: which style each is based on, and which are (or derive from) the Title style. */
    private void styles(Document document) {
        var list = document.getElementsByTagNameNS(STYLE, "style");
        for (int i = 0; i < list.getLength(); i++) {
            Element style = (Element) list.item(i);
            String name = OfficeXml.attribute(style, STYLE, "name");
            if (name == null || !"paragraph".equals(OfficeXml.attribute(style, STYLE, "family"))) {
                continue;
            }
            String parent = OfficeXml.attribute(style, STYLE, "parent-style-name");
            if (parent != null) {
                parents.put(name, parent);
            }
            String display = OfficeXml.attribute(style, STYLE, "display-name");
            if (name.equals("Title") || display != null && display.strip().equalsIgnoreCase("title")) {
                titleStyles.add(name);
            }
        }
    }

    private boolean isTitleStyle(@Nullable String style) {
        Set<String> seen = new HashSet<>();
        for (String s = style; s != null && seen.add(s) && seen.size() <= 32; s = parents.get(s)) {
            if (titleStyles.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Block-level content of the text body, a section, a text box or an index. */
    private void body(Node container, @Nullable String chrome) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String ns = n.getNamespaceURI();
            String name = n.getLocalName();
            if (TEXT.equals(ns)) {
                switch (name) {
                    case "h" -> heading((Element) n, chrome);
                    case "p" -> paragraph((Element) n, chrome);
                    case "list" -> list((Element) n, chrome);
                    case "section", "index-body", "numbered-paragraph", "index-title" -> body(n, chrome);
                    default -> {
                        if (INDEXES.contains(name)) {
                            body(n, chrome != null ? chrome : name.equals("table-of-content") ? TABLE_OF_CONTENTS
                                    : "index");
                        }
                        // tracked changes, declarations and index templates are not text of the document
                    }
                }
            } else if (TABLE.equals(ns) && name.equals("table")) {
                blocks.table(rows(n));
            } else if (DRAW.equals(ns)) {
                textBoxes(n, chrome); // a frame anchored to the page rather than to a paragraph
            }
        }
    }

    private void heading(Element h, @Nullable String chrome) {
        List<Element> boxes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        inline(h, text, boxes);
        int level = 1;
        String outline = OfficeXml.attribute(h, TEXT, "outline-level");
        if (outline != null) {
            try {
                level = Math.max(1, Integer.parseInt(outline.strip()));
            } catch (NumberFormatException e) {
                level = 1;
            }
        }
        blocks.heading(level, text.toString(), chrome);
        for (Element box : boxes) {
            body(box, chrome);
        }
    }

    private void paragraph(Element p, @Nullable String chrome) {
        List<Element> boxes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        inline(p, text, boxes);
        if (chrome == null && isTitleStyle(OfficeXml.attribute(p, TEXT, "style-name"))) {
            blocks.title(text.toString());
        } else {
            blocks.paragraph(text.toString(), chrome);
        }
        for (Element box : boxes) {
            body(box, chrome);
        }
    }

    /** A list, nested lists as deeper items; text boxes in its items follow the list. */
    private void list(Element list, @Nullable String chrome) {
        List<Element> boxes = new ArrayList<>();
        if (chrome != null) {
            StringBuilder text = new StringBuilder();
            flatten(list, text);
            blocks.paragraph(text.toString(), chrome);
        } else {
            items(list, 0, boxes);
            blocks.endList();
        }
        for (Element box : boxes) {
            body(box, chrome);
        }
    }

    private void items(Node list, int depth, List<Element> boxes) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNextSibling()) {
            if (!OfficeXml.is(item, TEXT, "list-item") && !OfficeXml.is(item, TEXT, "list-header")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (OfficeXml.is(n, TEXT, "p") || OfficeXml.is(n, TEXT, "h")) {
                    inline(n, text, boxes);
                    text.append(' ');
                } else if (OfficeXml.is(n, TEXT, "list")) {
                    blocks.listItem(depth, text.toString()); // the item's own text comes before its sub-items
                    text.setLength(0);
                    items(n, depth + 1, boxes);
                }
            }
            blocks.listItem(depth, text.toString());
        }
    }

    /**
     * The text of a paragraph or heading: spans, links and fields as their text, spaces, tabs and line breaks as
     * spaces, notes as markers. Frames with text boxes met on the way are collected into {@code boxes}.
     */
    private void inline(Node parent, StringBuilder text, List<Element> boxes) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE) {
                text.append(n.getNodeValue());
                continue;
            }
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String ns = n.getNamespaceURI();
            String name = n.getLocalName();
            if (TEXT.equals(ns)) {
                switch (name) {
                    case "s", "tab", "line-break" -> text.append(' ');
                    case "note" -> text.append(noteMarker((Element) n));
                    case "note-citation", "tracked-changes", "change", "change-start", "change-end",
                         "bookmark", "bookmark-start", "bookmark-end", "reference-mark", "soft-page-break" -> {
                        // not text (the citation is replaced by our own marker)
                    }
                    default -> inline(n, text, boxes); // span, a, field values, ruby, meta …
                }
            } else if (DRAW.equals(ns)) {
                collectTextBoxes(n, boxes);
            }
            // office:annotation (comments) and anything else is not text of the paragraph
        }
    }

    private static void collectTextBoxes(Node node, List<Element> boxes) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, DRAW, "text-box")) {
                boxes.add((Element) n);
            } else if (n.getNodeType() == Node.ELEMENT_NODE && DRAW.equals(n.getNamespaceURI())) {
                collectTextBoxes(n, boxes);
            }
        }
    }

    private void textBoxes(Node frame, @Nullable String chrome) {
        List<Element> boxes = new ArrayList<>();
        if (OfficeXml.is(frame, DRAW, "text-box")) {
            boxes.add((Element) frame);
        } else {
            collectTextBoxes(frame, boxes);
        }
        for (Element box : boxes) {
            body(box, chrome);
        }
    }

    /** Rows of a table, header rows and row groups included; covered (merged-away) cells have no text. */
    private List<List<String>> rows(Node table) {
        List<List<String>> rows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, TABLE, "table-row")) {
                List<String> cells = new ArrayList<>();
                for (Node cell = n.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
                    if (OfficeXml.is(cell, TABLE, "table-cell")) {
                        StringBuilder text = new StringBuilder();
                        flatten(cell, text);
                        cells.add(text.toString());
                    }
                }
                rows.add(cells);
            } else if (OfficeXml.is(n, TABLE, "table-header-rows") || OfficeXml.is(n, TABLE, "table-rows")
                    || OfficeXml.is(n, TABLE, "table-row-group")) {
                rows.addAll(rows(n));
            }
        }
        return rows;
    }

    /** All text of a cell, note or index in one run of words. */
    private void flatten(Node container, StringBuilder text) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, TEXT, "p") || OfficeXml.is(n, TEXT, "h")) {
                List<Element> boxes = new ArrayList<>();
                inline(n, text, boxes);
                text.append(' ');
                for (Element box : boxes) {
                    flatten(box, text);
                }
            } else if (OfficeXml.is(n, TABLE, "table")) {
                for (List<String> row : rows(n)) {
                    for (String cell : row) {
                        text.append(cell).append(' ');
                    }
                }
            } else if (n.getNodeType() == Node.ELEMENT_NODE && TEXT.equals(n.getNamespaceURI())
                    && !n.getLocalName().equals("tracked-changes")) {
                flatten(n, text); // lists, list items, sections
            }
        }
    }

    private String noteMarker(Element note) {
        if (inNote) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Element body = OfficeXml.child(note, TEXT, "note-body");
        if (body != null) {
            inNote = true;
            try {
                flatten(body, text);
            } finally {
                inNote = false;
            }
        }
        return blocks.note(text.toString());
    }
}
