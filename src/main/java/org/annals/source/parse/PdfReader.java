package org.annals.source.parse;

import org.annals.source.parse.pdf.PdfText;

/**
 * Reads a PDF file into blocks with the pages they stand on: {@link PdfText} does the reading (reading order,
 * headings, paragraphs, page chrome) and refuses what it cannot read; this applies the import's limits.
 */
final class PdfReader {

    /**
     * Most characters one PDF may draw: twice the most text one source may store by default (10 million), so the
     * text limit, not this one, speaks for real documents; a bomb of tiny glyphs stops here.
     */
    private static final long MAX_GLYPHS = 20_000_000;

    private PdfReader() {
    }

    static ParsedDocument read(byte[] bytes, ParseLimits limits) {
        PdfText.PdfDocument pdf = PdfText.read(bytes, limits.maxPdfPages(), MAX_GLYPHS);
        return new ParsedDocument(pdf.title(), pdf.blocks());
    }
}
