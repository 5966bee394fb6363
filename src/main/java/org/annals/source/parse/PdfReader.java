package org.annals.source.parse;

import org.annals.base.InvalidInputException;

/** Reads a PDF file into blocks. (Skeleton: the helper of issue 19 replaces this.) */
final class PdfReader {

    private PdfReader() {
    }

    static ParsedDocument read(byte[] bytes, ParseLimits limits) {
        throw new InvalidInputException("PDF files cannot be imported yet.");
    }
}
