package org.annals.source.parse;

/**
 * How complex a document may be before parsing it stops being cheap: how deep its structure may nest (HTML elements,
 * Markdown quotes and lists, links inside links, MediaWiki list levels) and how many elements and blocks it may
 * hold. Real articles nest a few dozen levels and hold a few thousand elements; anything past these limits is either
 * generated or hostile, and it is refused with {@link SourceTooComplexException} before it costs seconds and
 * gigabytes. See docs/decisions/0021-input-limits.md for the numbers.
 */
public record ParseLimits(int maxDepth, int maxElements, int maxPdfPages, int maxHtmlElements) {

    public static final int DEFAULT_MAX_DEPTH = 256;
    public static final int DEFAULT_MAX_ELEMENTS = 200_000;
    /**
     * HTML start tags per file: a news page that wraps every word (or letter) in elements of its own has a million in
     * 8 MB (issue 21), and its preview takes 220-350 MB of heap for a moment; a 10 MB file holds few more real ones.
     */
    public static final int DEFAULT_MAX_HTML_ELEMENTS = 1_500_000;
    /**
     * Attributes of one HTML element. Real elements carry a handful (a few dozen at most with data attributes); a
     * million on one tag is made to keep the parser busy.
     */
    public static final int MAX_ATTRIBUTES = 1_000;
    /** Long UN and NGO reports run to a few hundred pages; thousands are a generated file or a bomb. */
    public static final int DEFAULT_MAX_PDF_PAGES = 2_000;
    public static final ParseLimits DEFAULT = new ParseLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS,
            DEFAULT_MAX_PDF_PAGES, DEFAULT_MAX_HTML_ELEMENTS);

    public ParseLimits {
        if (maxDepth < 8 || maxElements < 1) {
            throw new IllegalArgumentException("A nesting depth of at least 8 and at least one element are needed");
        }
        if (maxPdfPages < 1) {
            throw new IllegalArgumentException("At least one page of a PDF must be allowed");
        }
        if (maxHtmlElements < 1) {
            throw new IllegalArgumentException("At least one HTML element must be allowed");
        }
    }

    /** Limits that allow as many HTML elements as blocks (the tests' small limits). */
    public ParseLimits(int maxDepth, int maxElements, int maxPdfPages) {
        this(maxDepth, maxElements, maxPdfPages, maxElements);
    }

    /** Limits for the text formats, with the default page limit for PDFs. */
    public ParseLimits(int maxDepth, int maxElements) {
        this(maxDepth, maxElements, DEFAULT_MAX_PDF_PAGES);
    }

    /**
     * The most lines a file may have: five per element or block. Every format is read line by line first, and a
     * line costs an object or two, so ten megabytes of empty lines would otherwise cost far more than their size.
     */
    public long maxLines() {
        return 5L * maxElements;
    }

    /** Refuses a structure nested deeper than the limit; {@code what} says what nests, for the message. */
    void checkDepth(int depth, String what) {
        if (depth > maxDepth) {
            throw new SourceTooComplexException(what + " more than " + number(maxDepth) + " levels deep. Annals reads"
                    + " at most " + number(maxDepth) + " levels; simplify the file, or import its text as plain text.");
        }
    }

    /** Refuses an HTML text with more start tags than {@link #maxHtmlElements}. */
    void checkHtmlElements(String html) {
        checkCount(Texts.countTagStarts(html), "HTML elements", maxHtmlElements);
    }

    /** Refuses an element with more attributes than {@link #MAX_ATTRIBUTES}. */
    static void checkAttributes(long attributes) {
        if (attributes > MAX_ATTRIBUTES) {
            throw new SourceTooComplexException("An HTML element in the file has " + number(attributes)
                    + " attributes. Annals reads at most " + number(MAX_ATTRIBUTES) + " on one element; this file"
                    + " is not a web page as browsers save it.");
        }
    }

    /** Refuses a document with more elements or blocks than the limit; {@code what} names them (plural). */
    void checkCount(long count, String what) {
        checkCount(count, what, maxElements);
    }

    void checkCount(long count, String what, long max) {
        if (count > max) {
            throw new SourceTooComplexException("The file has " + number(count) + " " + what + ". Annals imports at"
                    + " most " + number(max) + " per file; split it into smaller files.");
        }
    }

    static String number(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
