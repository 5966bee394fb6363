package org.annals.source.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text of an imported source into a draft: blocks in reading order (headings, paragraphs, tables,
 * lists, quotes) without markup, with likely page chrome flagged by {@link ChromeDetector}. Stateless and
 * thread-safe; one pass per format, linear in the size of the text.
 */
public final class SourceParser {

    /** How much of a file {@link #detect} looks at: enough to see a document's shape, cheap on huge files. */
    private static final int SNIFF_CHARS = 64 * 1024;

    private static final Pattern WIKI_HEADING = Pattern.compile("(={1,6})[^=\\n]*[^=\\s][^=\\n]*\\1[ \\t]*");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("#{1,6}[ \\t]+\\S.*");
    private static final Pattern MARKDOWN_SIGNAL = Pattern.compile(
            "[ \\t]*(?:[-*+][ \\t]+\\S.*|\\d{1,9}[.)][ \\t]+\\S.*|>.*|```.*|~~~.*|\\|?[ \\t]*:?-{3,}:?[ \\t]*\\|.*)"
                    + "|.*(?:\\]\\(|\\*\\*|__|`).*");

    public SourceParser() {
    }

    /**
     * The format of a file: by its extension where that says it (.html/.htm, .md/.markdown, .wiki/.mediawiki),
     * otherwise (.txt, unknown, no name) by looking at the content.
     */
    public static SourceFormat detect(@Nullable String filename, String text) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT).strip();
        String extension = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html", "htm", "xhtml" -> SourceFormat.HTML;
            case "md", "markdown" -> SourceFormat.MARKDOWN;
            case "wiki", "mediawiki", "wikitext" -> SourceFormat.MEDIAWIKI;
            default -> sniff(text);
        };
    }

    private static SourceFormat sniff(String text) {
        String head = Texts.normalizeNewlines(text.length() > SNIFF_CHARS ? text.substring(0, SNIFF_CHARS) : text);
        String start = afterLeadingComments(head.stripLeading()).toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return SourceFormat.HTML;
        }
        int wikiHeadings = 0;
        int markdownHeadings = 0;
        int markdownSignals = 0;
        for (String line : Texts.lines(head)) {
            if (line.startsWith("=") && WIKI_HEADING.matcher(line).matches()) {
                wikiHeadings++;
            } else if (line.startsWith("#") && MARKDOWN_HEADING.matcher(line).matches()) {
                markdownHeadings++;
            } else if (MARKDOWN_SIGNAL.matcher(line).matches()) {
                markdownSignals++;
            }
        }
        if (wikiHeadings > 0 && wikiHeadings >= markdownHeadings) {
            return SourceFormat.MEDIAWIKI;
        }
        if (markdownHeadings >= 2 || (markdownHeadings == 1 && markdownSignals > 0)) {
            return SourceFormat.MARKDOWN;
        }
        return SourceFormat.PLAIN_TEXT;
    }

    /**
     * The text after the comments it starts with: browsers put {@code <!-- saved from url=… -->} before the doctype
     * of a page they save, and a page read as plain text would store its markup as text.
     */
    private static String afterLeadingComments(String text) {
        String rest = text;
        while (rest.startsWith("<!--")) {
            int end = rest.indexOf("-->", 4);
            if (end < 0) {
                return rest;
            }
            rest = rest.substring(end + 3).stripLeading();
        }
        return rest;
    }

    /**
     * The document format of a file's bytes (PDF, Word, OpenDocument), judged by its content, or null for a file
     * to be decoded as text. A file whose name claims a document format its content does not have is refused
     * with a message that says what it is.
     */
    public static @Nullable SourceFormat detectDocument(@Nullable String filename, byte[] bytes) {
        return DocumentFiles.detect(filename, bytes);
    }

    /**
     * Reads a document file (PDF, DOCX, ODT) into a draft: the same blocks, chrome flags and title as text
     * formats.
     *
     * @throws SourceTooComplexException when the document holds more than the limits allow
     * @throws org.annals.base.InvalidInputException when the file cannot be read (damaged, encrypted, no text)
     */
    public SourceDraft parseDocument(byte[] bytes, SourceFormat format, ParseLimits limits) {
        ParsedDocument parsed = switch (format) {
            case PDF -> PdfReader.read(bytes, limits);
            case DOCX -> DocxReader.read(bytes, limits);
            case ODT -> OdtReader.read(bytes, limits);
            default -> throw new IllegalArgumentException(format + " is not a document format");
        };
        return draft(format, parsed, limits);
    }

    /** Parses already decoded text (any line endings) in the given format, within the default limits. */
    public SourceDraft parse(String text, SourceFormat format) {
        return parse(text, format, ParseLimits.DEFAULT);
    }

    /**
     * Parses already decoded text (any line endings) in the given format.
     *
     * @throws SourceTooComplexException when the text nests deeper or holds more elements or blocks than the limits
     */
    public SourceDraft parse(String text, SourceFormat format, ParseLimits limits) {
        limits.checkCount(Texts.countLines(text), "lines", limits.maxLines());
        if (format == SourceFormat.HTML) {
            // Pages are markup-heavy (a news page may wrap every word in elements of its own), and jsoup's tree
            // of a million elements takes a few hundred MB for a moment: HTML has a limit of its own.
            limits.checkHtmlElements(text);
        } else if (format != SourceFormat.PLAIN_TEXT) {
            // Markup of every format may carry HTML, and jsoup builds a node for each tag: counting the tags first
            // (one cheap pass) refuses a million-element file before it takes gigabytes.
            limits.checkCount(Texts.countTagStarts(text), "HTML elements");
        }
        ParsedDocument parsed = switch (format) {
            case HTML -> HtmlParser.parse(text, limits);
            case MARKDOWN -> new ParsedDocument(null, MarkdownParser.parse(text, limits));
            case MEDIAWIKI -> new ParsedDocument(null, MediaWikiParser.parse(text, limits));
            case PLAIN_TEXT -> new ParsedDocument(null, PlainTextParser.parse(text));
            case PDF, DOCX, ODT -> throw new IllegalArgumentException(format + " is read from bytes: parseDocument");
        };
        return draft(format, parsed, limits);
    }

    /**
     * Reads the main content {@link ArticleHtml} found in a web page (already parsed and checked against the limits)
     * into a draft, as {@link #parse} reads an uploaded page.
     */
    public SourceDraft parseExtracted(ArticleHtml.Extracted article, ParseLimits limits) {
        return draft(SourceFormat.HTML, HtmlParser.read(article.document()), limits);
    }

    private static SourceDraft draft(SourceFormat format, ParsedDocument parsed, ParseLimits limits) {
        limits.checkCount(parsed.blocks().size(), "blocks (paragraphs, headings, lists, tables)");
        // Every parser already leaves out empty blocks; this keeps that promise whatever odd input comes in.
        List<DraftBlock> nonEmpty = parsed.blocks().stream().filter(b -> !Texts.isBlank(b.text())).toList();
        List<DraftBlock> blocks = ChromeDetector.flag(nonEmpty);
        String title = parsed.title() != null ? parsed.title() : firstTitle(blocks);
        return new SourceDraft(format, title, blocks);
    }

    /** The document title: its first level-1 heading that is not chrome. */
    private static @Nullable String firstTitle(List<DraftBlock> blocks) {
        for (DraftBlock block : blocks) {
            if (block.kind() == BlockKind.HEADING && block.level() == 1 && !block.looksLikeChrome()) {
                return block.text();
            }
        }
        return null;
    }
}
