package org.annals.source.parse.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.annals.base.InvalidInputException;
import org.annals.source.parse.DraftBlock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the text layer of a PDF with Apache PDFBox into draft blocks, each with the pages it stands on.
 *
 * <p>Hostile files are refused within seconds and within bounded memory: the page count is checked before any
 * page is read; streams are decoded into a buffer of at most {@link #STREAM_MEMORY} bytes (a compressed stream that
 * inflates to gigabytes fails there instead of filling the heap); glyphs are counted as they come; objects nested
 * so deep that PDFBox's recursive parser overflows the stack end the reading, not the server. Every failure is an
 * {@link InvalidInputException} whose message says what is wrong with the file.
 */
public final class PdfText {

    private static final Logger log = LoggerFactory.getLogger(PdfText.class);

    /** Most bytes the decoded streams of a document may take in memory together. */
    static final long STREAM_MEMORY = 64L * 1024 * 1024;
    /** Most glyphs one page may draw; a dense page of small print has about 10,000. */
    static final int MAX_GLYPHS_PER_PAGE = 200_000;
    /** Below this many letters in the whole file, a PDF has no text layer worth the name. */
    private static final int MIN_TEXT = 20;
    private static final int MAX_OUTLINE_ENTRIES = 10_000;
    /** Most operators one page's content may run, and most graphics states it may save inside each other. */
    static final long MAX_OPERATORS_PER_PAGE = 1_000_000;
    static final int MAX_SAVED_STATES = 1_000;
    private static final int MAX_OUTLINE_DEPTH = 12;

    /** What a PDF holds: its title when its metadata gives a real one, and its blocks in reading order. */
    public record PdfDocument(@Nullable String title, List<DraftBlock> blocks) {
    }

    private PdfText() {
    }

    /**
     * Reads a PDF. {@code maxPages}: more pages are refused before any is read; {@code maxGlyphs}: most characters
     * the whole document may draw.
     *
     * @throws InvalidInputException when the file cannot or must not be read, with a message for the person
     */
    public static PdfDocument read(byte[] bytes, int maxPages, long maxGlyphs) {
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(STREAM_MEMORY).streamCache)) {
            return read(document, maxPages, maxGlyphs);
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException("This PDF is encrypted and needs a password to be opened. Annals cannot"
                    + " read it: save it again without a password (or ask its publisher for an open copy).");
        } catch (IOException e) {
            log.debug("PDF refused as damaged", e);
            throw new InvalidInputException("This PDF cannot be read: the file is damaged, truncated or not really a"
                    + " PDF. Open it in a PDF viewer and save or print it to a new PDF, then try again.");
        } catch (StackOverflowError e) {
            throw new InvalidInputException("This PDF nests its objects too deeply to be read safely; it is damaged"
                    + " or made to attack readers. Annals does not import it.");
        } catch (IllegalStateException | IllegalArgumentException | ClassCastException
                | IndexOutOfBoundsException | NullPointerException e) {
            // PDFBox meets broken structures with runtime exceptions too; for the person, the file is damaged.
            log.debug("PDF refused as damaged", e);
            throw new InvalidInputException("This PDF cannot be read: its structure is damaged. Open it in a PDF"
                    + " viewer and save or print it to a new PDF, then try again.");
        }
    }

    private static PdfDocument read(PDDocument document, int maxPages, long maxGlyphs) throws IOException {
        if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
            throw new InvalidInputException("This PDF's permissions forbid copying its text (its author protected"
                    + " it), so Annals does not read it. Ask the publisher for a copy without that restriction.");
        }
        int pages = document.getNumberOfPages();
        if (pages > maxPages) {
            throw new InvalidInputException("This PDF has " + number(pages) + " pages. Annals imports at most "
                    + number(maxPages) + " pages per file; split it into smaller files.");
        }
        if (pages == 0) {
            throw new InvalidInputException("This PDF has no pages.");
        }
        var collector = new Collector(maxGlyphs);
        collector.setSortByPosition(false);
        collector.writeText(document, Writer.nullWriter());
        List<Line> lines = collector.lines;
        long letters = lines.stream().mapToLong(l -> l.text().codePoints().filter(Character::isLetterOrDigit).count())
                .sum();
        if (letters < MIN_TEXT) {
            if (hasImages(document)) {
                throw new InvalidInputException("This PDF has no text layer: its pages are images (a scan). Annals"
                        + " does not read text from images (OCR). Run it through a text-recognition tool first (for"
                        + " example OCRmyPDF, or the \"recognise text\" function of a PDF editor), then import the"
                        + " result.");
            }
            throw new InvalidInputException("This PDF has no text to import: its pages hold no text layer.");
        }
        PageChrome chrome = PageChrome.of(lines, pages);
        var content = new ArrayList<Line>();
        Map<Integer, List<Paragraphs.ChromeLine>> chromeBefore = new HashMap<>();
        for (Line line : lines) {
            String reason = chrome.reason(line);
            if (reason != null) {
                chromeBefore.computeIfAbsent(content.size(), k -> new ArrayList<>())
                        .add(new Paragraphs.ChromeLine(line, reason));
            } else {
                content.add(line);
            }
        }
        float bodySize = bodySize(content);
        Map<Integer, Integer> levels = Headings.levels(content, outline(document), bodySize);
        List<DraftBlock> blocks = Paragraphs.blocks(content, levels, chromeBefore, lineStep(content, bodySize));
        return new PdfDocument(title(document), blocks);
    }

    /** The size most characters of the content have: the body text. */
    private static float bodySize(List<Line> lines) {
        Map<Float, Long> chars = new HashMap<>();
        for (Line line : lines) {
            chars.merge(Math.round(line.size() * 2) / 2f, (long) line.text().length(), Long::sum);
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** The usual distance between baselines of body text within a paragraph: the most common one. */
    private static float lineStep(List<Line> lines, float bodySize) {
        Map<Integer, Integer> steps = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            Line a = lines.get(i - 1);
            Line b = lines.get(i);
            if (a.page() == b.page() && !b.columnStart() && Math.abs(a.size() - bodySize) < 0.6f
                    && Math.abs(b.size() - bodySize) < 0.6f && b.y() > a.y()) {
                steps.merge(Math.round((b.y() - a.y()) * 4), 1, Integer::sum);
            }
        }
        return steps.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 4f)
                .orElse(bodySize * 1.2f);
    }

    private static boolean hasImages(PDDocument document) throws IOException {
        int looked = 0;
        for (PDPage page : document.getPages()) {
            if (looked++ > 50) {
                break;
            }
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The outline's entries in order with their depth and page, bounded and safe against cycles. */
    private static List<Headings.OutlineEntry> outline(PDDocument document) {
        var entries = new ArrayList<Headings.OutlineEntry>();
        try {
            var outline = document.getDocumentCatalog().getDocumentOutline();
            if (outline != null) {
                walk(document, outline, 1, entries, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        } catch (IOException | RuntimeException e) {
            // A broken outline costs the headings it would have given, not the import: fonts still tell them.
            entries.clear();
        }
        return entries;
    }

    private static void walk(PDDocument document, PDOutlineNode node, int depth, List<Headings.OutlineEntry> entries,
            Set<Object> seen) throws IOException {
        if (depth > MAX_OUTLINE_DEPTH) {
            return;
        }
        for (PDOutlineItem item : node.children()) {
            if (entries.size() >= MAX_OUTLINE_ENTRIES || !seen.add(item.getCOSObject())) {
                return;
            }
            PDPage page = item.findDestinationPage(document);
            int index = page == null ? -1 : document.getPages().indexOf(page);
            if (index >= 0 && item.getTitle() != null) {
                entries.add(new Headings.OutlineEntry(item.getTitle(), index + 1, depth));
            }
            walk(document, item, depth + 1, entries, seen);
        }
    }

    /** The title in the document's metadata, unless it is empty or a tool's placeholder. */
    private static @Nullable String title(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        String title = info == null ? null : info.getTitle();
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("microsoft word - ") || lower.equals("untitled") || lower.endsWith(".docx")
                || lower.endsWith(".doc") || lower.endsWith(".pdf") || lower.endsWith(".odt") || t.length() > 300) {
            return null;
        }
        return t;
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * PDFBox's text stripper, used for what it does well (running the content streams, fonts, text matrices,
     * encodings to Unicode) and stopped before its own layout: each page's glyphs are collected and laid out by
     * {@link PageLayout}.
     */
    private static final class Collector extends PDFTextStripper {

        private final List<Line> lines = new ArrayList<>();
        private final List<Glyph> page = new ArrayList<>();
        private final long maxGlyphs;
        private long glyphs;
        private long operators;
        private float pageHeight;

        Collector(long maxGlyphs) {
            this.maxGlyphs = maxGlyphs;
        }

        @Override
        protected void startPage(PDPage pdPage) {
            page.clear();
            operators = 0;
            pageHeight = pdPage.getCropBox() == null ? 792 : pdPage.getCropBox().getHeight();
            if ((pdPage.getRotation() / 90) % 2 != 0) {
                pageHeight = pdPage.getCropBox() == null ? 612 : pdPage.getCropBox().getWidth();
            }
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            String unicode = text.getUnicode();
            if (unicode == null || unicode.isEmpty() || unicode.equals("\uFFFD")) {
                return;
            }
            if (page.size() >= MAX_GLYPHS_PER_PAGE || ++glyphs > maxGlyphs) {
                throw new InvalidInputException("This PDF draws more text than Annals reads from one file ("
                        + (page.size() >= MAX_GLYPHS_PER_PAGE ? number(MAX_GLYPHS_PER_PAGE) + " characters on page "
                                + getCurrentPageNo() : number(maxGlyphs) + " characters") + "); split it into smaller"
                        + " files.");
            }
            float size = text.getFontSizeInPt();
            if (!(size > 1.5f) || size > 500) {
                size = Math.max(1f, text.getHeightDir() * 1.4f);
            }
            float x = text.getXDirAdj();
            float y = text.getYDirAdj();
            // Text drawn twice at the same place (fake bold, shadows) is read once.
            for (int k = page.size() - 1; k >= Math.max(0, page.size() - 4); k--) {
                Glyph g = page.get(k);
                if (g.text().equals(unicode) && Math.abs(g.x() - x) < size * 0.1f && Math.abs(g.y() - y) < size * 0.1f) {
                    return;
                }
            }
            page.add(new Glyph(unicode, x, x + Math.max(0, text.getWidthDirAdj()), y, size, isBold(text.getFont()),
                    text.getWidthOfSpace()));
        }

        /**
         * Counts what a page's content does: a page of a real document runs some ten thousand operators and saves
         * the graphics state a few levels deep; a million saves (each a copy of the state) would fill the heap.
         */
        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (++operators > MAX_OPERATORS_PER_PAGE) {
                throw new InvalidInputException("Page " + getCurrentPageNo() + " of this PDF draws more than "
                        + number(MAX_OPERATORS_PER_PAGE) + " times; Annals does not read a page that complex.");
            }
            if ("q".equals(operator.getName()) && getGraphicsStackSize() > MAX_SAVED_STATES) {
                throw new InvalidInputException("Page " + getCurrentPageNo() + " of this PDF nests its graphics more"
                        + " than " + number(MAX_SAVED_STATES) + " levels deep; it is damaged or made to attack"
                        + " readers, and Annals does not read it.");
            }
            super.processOperator(operator, operands);
        }

        @Override
        protected void endPage(PDPage pdPage) {
            lines.addAll(PageLayout.lines(page, getCurrentPageNo(), pageHeight));
            page.clear();
        }

        private final Map<PDFont, Boolean> bold = new IdentityHashMap<>();

        private boolean isBold(@Nullable PDFont font) {
            if (font == null) {
                return false;
            }
            return bold.computeIfAbsent(font, f -> {
                PDFontDescriptor descriptor = f.getFontDescriptor();
                if (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600)) {
                    return true;
                }
                String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
                return name.contains("bold") || name.contains("black") || name.contains("heavy")
                        || name.contains("semibold");
            });
        }
    }
}
