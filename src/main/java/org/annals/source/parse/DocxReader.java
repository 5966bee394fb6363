package org.annals.source.parse;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.InvalidInputException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a Word (DOCX) file into blocks with Apache POI. The file's bytes reach POI only through {@link SafeZip}
 * (POI's own ZIP-bomb guards cover files and streams, not an entry source handed to it), and only after every XML
 * part has passed {@link OfficeXml}'s checks, so POI never parses a part nested deeper or larger than the limits.
 *
 * <p>What is read: the body in reading order (paragraphs, headings by style name or outline level, lists by their
 * numbering, tables, content controls, text boxes after the paragraph that holds them), footnotes and endnotes as
 * numbered markers plus a "Notes" section, and the title from the document's properties. Tracked changes are read as
 * if accepted (insertions kept, deletions left out); comments, page headers and footers, field codes and pictures are
 * not text of the document and are left out. A table of contents is kept but flagged as page chrome.
 */
final class DocxReader {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final String WHAT = "The Word document";
    private static final String TABLE_OF_CONTENTS = "table of contents";

    private static final Pattern HEADING_STYLE = Pattern.compile("heading ([1-9])");
    private static final Pattern TOC_STYLE = Pattern.compile("toc [1-9]|toc heading|contents [1-9]|contents heading"
            + "|table of figures|index [1-9]|index heading");

    /** Inline elements whose content is text of the paragraph (runs, links, fields' results, insertions …). */
    private static final Set<String> INLINE_CONTAINERS = Set.of("r", "hyperlink", "smartTag", "sdt", "sdtContent",
            "ins", "moveTo", "fldSimple", "customXml", "bdo", "dir");

    private final XWPFDocument document;
    private final OfficeBlocks blocks;
    private final @Nullable XWPFStyles styles;
    private final Map<String, Style> styleCache = new HashMap<>();
    private final Map<String, String> noteMarkers = new HashMap<>();
    private boolean inNote;

    /** What a paragraph style says, with what it inherits from the styles it is based on. */
    private record Style(boolean title, int outlineLevel, @Nullable String name, @Nullable String numId, int numLevel) {
        static final Style NONE = new Style(false, -1, null, null, 0);
    }

    private DocxReader(XWPFDocument document, ParseLimits limits) {
        this.document = document;
        this.blocks = new OfficeBlocks(limits);
        this.styles = document.getStyles();
    }

    static ParsedDocument read(byte[] bytes, ParseLimits limits) {
        SafeZip zip = SafeZip.open(bytes, WHAT);
        if (zip.entry("word/document.xml") == null) {
            throw SafeZip.damaged(WHAT, "its main part (word/document.xml) is missing");
        }
        OfficeXml xml = new OfficeXml(limits, WHAT);
        for (SafeZip.Entry entry : zip.entries()) {
            String name = entry.name().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) {
                xml.check(zip.open(entry), entry.name());
            }
        }
        OPCPackage pack = null;
        try {
            pack = OPCPackage.open(new Entries(zip));
            XWPFDocument document = new XWPFDocument(pack);
            return new DocxReader(document, limits).read();
        } catch (Exception e) {
            throw ours(e);
        } finally {
            if (pack != null) {
                pack.revert(); // read-only: release it without ever writing
            }
        }
    }

    /**
     * Our own refusals pass through POI wrapped in its exceptions; anything else POI could not read is a damaged
     * file (its message is for developers, so it goes no further than the log of the caller).
     */
    private static RuntimeException ours(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof SourceTooComplexException) {
                return (RuntimeException) t;
            }
        }
        return SafeZip.damaged(WHAT, "Word's structure inside it is broken (" + e.getClass().getSimpleName() + ")");
    }

    private ParsedDocument read() {
        Node body = document.getDocument().getBody().getDomNode();
        body(body, null);
        String title = null;
        try {
            title = document.getProperties().getCoreProperties().getTitle();
        } catch (RuntimeException unreadableProperties) {
            // the title then comes from the first Title or Heading 1 paragraph
        }
        return blocks.finish(title);
    }

    /** Block-level content: paragraphs, tables, content controls. */
    private void body(Node container, @Nullable String chrome) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, W, "p")) {
                paragraph((Element) n, chrome);
            } else if (OfficeXml.is(n, W, "tbl")) {
                blocks.table(rows(n));
            } else if (OfficeXml.is(n, W, "sdt")) {
                Element content = OfficeXml.child(n, W, "sdtContent");
                if (content != null) {
                    body(content, chrome != null ? chrome : isTableOfContents((Element) n) ? TABLE_OF_CONTENTS : null);
                }
            } else if (OfficeXml.is(n, W, "customXml") || OfficeXml.is(n, W, "ins") || OfficeXml.is(n, W, "moveTo")) {
                body(n, chrome);
            } else if (OfficeXml.is(n, MC, "AlternateContent")) {
                Element choice = OfficeXml.child(n, MC, "Choice");
                body(choice != null ? choice : n, chrome);
            }
        }
    }

    /** A content control that Word's "Table of Contents" gallery made. */
    private static boolean isTableOfContents(Element sdt) {
        Element gallery = OfficeXml.child(OfficeXml.child(OfficeXml.child(sdt, W, "sdtPr"), W, "docPartObj"), W,
                "docPartGallery");
        String value = OfficeXml.attribute(gallery, W, "val");
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(TABLE_OF_CONTENTS);
    }

    private void paragraph(Element p, @Nullable String chrome) {
        Element properties = OfficeXml.child(p, W, "pPr");
        Style style = style(value(OfficeXml.child(properties, W, "pStyle")));
        StringBuilder text = new StringBuilder();
        List<Element> boxes = new ArrayList<>();
        inline(p, text, boxes);

        int outline = level(value(OfficeXml.child(properties, W, "outlineLvl")), style.outlineLevel());
        Element numbering = OfficeXml.child(properties, W, "numPr");
        String numId = numbering != null ? value(OfficeXml.child(numbering, W, "numId")) : style.numId();
        int numLevel = numbering != null ? level(value(OfficeXml.child(numbering, W, "ilvl")), 0) : style.numLevel();
        String reason = chrome != null ? chrome
                : style.name() != null && TOC_STYLE.matcher(style.name()).matches() ? TABLE_OF_CONTENTS : null;

        if (style.title() && reason == null) {
            blocks.title(text.toString());
        } else if (outline >= 0 && outline <= 8) {
            blocks.heading(outline + 1, text.toString(), reason);
        } else if (numId != null && !numId.equals("0") && reason == null) {
            blocks.listItem(numLevel, text.toString());
        } else {
            blocks.paragraph(text.toString(), reason);
        }
        for (Element box : boxes) {
            body(box, chrome);
        }
    }

    /**
     * The text of a paragraph (or of anything inline): runs' text, tabs and breaks as spaces, note references as
     * markers. Text boxes met on the way are collected into {@code boxes}, to be read as blocks of their own.
     */
    private void inline(Node parent, StringBuilder text, List<Element> boxes) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue; // text outside w:t is layout whitespace of the XML
            }
            if (OfficeXml.is(n, MC, "AlternateContent")) {
                // The same content twice: the modern form (Choice) and one for older readers (Fallback).
                int length = text.length();
                int found = boxes.size();
                Element choice = OfficeXml.child(n, MC, "Choice");
                if (choice != null) {
                    inline(choice, text, boxes);
                }
                Element fallback = OfficeXml.child(n, MC, "Fallback");
                if (text.length() == length && boxes.size() == found && fallback != null) {
                    inline(fallback, text, boxes);
                }
                continue;
            }
            if (!W.equals(n.getNamespaceURI())) {
                continue;
            }
            String name = n.getLocalName();
            switch (name) {
                case "t" -> text.append(OfficeXml.text(n));
                case "tab", "ptab", "br", "cr" -> text.append(' ');
                case "noBreakHyphen" -> text.append('-');
                case "footnoteReference", "endnoteReference" ->
                        text.append(noteMarker(name.startsWith("foot"), OfficeXml.attribute((Element) n, W, "id")));
                case "drawing", "pict", "object" -> textBoxes(n, boxes);
                default -> {
                    if (INLINE_CONTAINERS.contains(name)) {
                        inline(n, text, boxes);
                    }
                    // everything else (deletions, field codes, properties, comment marks) is not text
                }
            }
        }
    }

    /** The text boxes inside a drawing, outermost only (a box inside a box is found when that box is read). */
    private static void textBoxes(Node node, List<Element> boxes) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, W, "txbxContent")) {
                boxes.add((Element) n);
            } else if (OfficeXml.is(n, MC, "AlternateContent")) {
                Element choice = OfficeXml.child(n, MC, "Choice");
                textBoxes(choice != null ? choice : n, boxes);
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                textBoxes(n, boxes);
            }
        }
    }

    /** The rows of a table, each as its cells' texts (tables nested in a cell become part of the cell's text). */
    private List<List<String>> rows(Node table) {
        List<List<String>> rows = new ArrayList<>();
        for (Node n = table.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, W, "tr")) {
                rows.add(cells(n));
            } else if (isWrapper(n)) {
                rows.addAll(rows(wrapped(n)));
            }
        }
        return rows;
    }

    private List<String> cells(Node row) {
        List<String> cells = new ArrayList<>();
        for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, W, "tc")) {
                StringBuilder text = new StringBuilder();
                flatten(n, text);
                cells.add(text.toString());
            } else if (isWrapper(n)) {
                cells.addAll(cells(wrapped(n)));
            }
        }
        return cells;
    }

    /** Content controls and custom XML may wrap rows and cells as they wrap paragraphs. */
    private static boolean isWrapper(Node n) {
        return OfficeXml.is(n, W, "sdt") || OfficeXml.is(n, W, "customXml");
    }

    private static Node wrapped(Node wrapper) {
        Element content = OfficeXml.child(wrapper, W, "sdtContent");
        return content != null ? content : wrapper;
    }

    /** All text of a cell or note in one run of words: paragraphs, nested tables and text boxes alike. */
    private void flatten(Node container, StringBuilder text) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (OfficeXml.is(n, W, "p")) {
                List<Element> boxes = new ArrayList<>();
                inline(n, text, boxes);
                text.append(' ');
                for (Element box : boxes) {
                    flatten(box, text);
                }
            } else if (OfficeXml.is(n, W, "tbl")) {
                for (List<String> row : rows(n)) {
                    for (String cell : row) {
                        text.append(cell).append(' ');
                    }
                }
            } else if (isWrapper(n)) {
                flatten(wrapped(n), text);
            } else if (OfficeXml.is(n, MC, "AlternateContent")) {
                Element choice = OfficeXml.child(n, MC, "Choice");
                flatten(choice != null ? choice : n, text);
            }
        }
    }

    /** The marker of a footnote or endnote; the note's text is read at its first reference. */
    private String noteMarker(boolean footnote, @Nullable String id) {
        if (inNote || id == null) {
            return ""; // Word allows no notes inside notes; a file that has them loses the inner reference only
        }
        String key = (footnote ? "footnote " : "endnote ") + id;
        String known = noteMarkers.get(key);
        if (known != null) {
            return known;
        }
        StringBuilder text = new StringBuilder();
        XWPFAbstractFootnoteEndnote note = null;
        try {
            int number = Integer.parseInt(id.strip());
            note = footnote ? document.getFootnoteByID(number) : document.getEndnoteByID(number);
        } catch (RuntimeException noSuchNote) {
            // a reference to nothing (no notes part, no such number): the marker stays, with an empty note
        }
        if (note != null) {
            inNote = true;
            try {
                flatten(note.getCTFtnEdn().getDomNode(), text);
            } finally {
                inNote = false;
            }
        }
        String marker = blocks.note(text.toString());
        noteMarkers.put(key, marker);
        return marker;
    }

    /** A paragraph style with what it inherits (outline level, numbering) from the styles it is based on. */
    private Style style(@Nullable String id) {
        if (id == null || styles == null) {
            return Style.NONE;
        }
        Style cached = styleCache.get(id);
        if (cached != null) {
            return cached;
        }
        String ownName = null;
        int outline = -1;
        String numId = null;
        int numLevel = 0;
        Set<String> seen = new HashSet<>();
        for (String current = id; current != null && seen.add(current) && seen.size() <= 32; ) {
            XWPFStyle style = styles.getStyle(current);
            if (style == null) {
                break;
            }
            Element element = (Element) style.getCTStyle().getDomNode();
            String name = value(OfficeXml.child(element, W, "name"));
            name = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
            if (current.equals(id)) {
                ownName = name;
            }
            Element properties = OfficeXml.child(element, W, "pPr");
            if (outline < 0) {
                outline = level(value(OfficeXml.child(properties, W, "outlineLvl")), -1);
            }
            if (outline < 0 && name != null) {
                Matcher heading = HEADING_STYLE.matcher(name);
                if (heading.matches()) {
                    outline = heading.group(1).charAt(0) - '1';
                }
            }
            Element numbering = OfficeXml.child(properties, W, "numPr");
            if (numId == null && numbering != null) {
                numId = value(OfficeXml.child(numbering, W, "numId"));
                numLevel = level(value(OfficeXml.child(numbering, W, "ilvl")), 0);
            }
            current = value(OfficeXml.child(element, W, "basedOn"));
        }
        boolean title = "title".equals(ownName);
        Style style = new Style(title, title ? -1 : outline, ownName, numId, numLevel);
        styleCache.put(id, style);
        return style;
    }

    private static @Nullable String value(@Nullable Element element) {
        return OfficeXml.attribute(element, W, "val");
    }

    /** A small non-negative number from an attribute (outline and list levels), or the fallback. */
    private static int level(@Nullable String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int level = Integer.parseInt(value.strip());
            return level >= 0 && level < 64 ? level : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The checked entries, handed to POI in place of its own ZIP reading. */
    private static final class Entries implements ZipEntrySource {

        private final SafeZip zip;
        private final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        private boolean closed;

        Entries(SafeZip zip) {
            this.zip = zip;
            for (SafeZip.Entry entry : zip.entries()) {
                if (!entry.name().endsWith("/")) {
                    ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                    zipEntry.setSize(entry.size());
                    zipEntry.setCompressedSize(entry.compressedSize());
                    entries.put(entry.name(), zipEntry);
                }
            }
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return Collections.enumeration(entries.values());
        }

        @Override
        public @Nullable ZipArchiveEntry getEntry(String path) {
            String name = path.replace('\\', '/');
            ZipArchiveEntry entry = entries.get(name);
            if (entry == null) {
                for (Map.Entry<String, ZipArchiveEntry> candidate : entries.entrySet()) {
                    if (candidate.getKey().equalsIgnoreCase(name)) {
                        return candidate.getValue();
                    }
                }
            }
            return entry;
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            SafeZip.Entry safe = zip.entry(entry.getName());
            if (safe == null) {
                throw new IOException("No entry " + entry.getName());
            }
            return zip.open(safe);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }
}
