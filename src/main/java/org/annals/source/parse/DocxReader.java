package org.annals.source.parse;

import org.annals.base.InvalidInputException;

/** Reads a Word (DOCX) file into blocks. (Skeleton: the helper of issue 19 replaces this.) */
final class DocxReader {

    private DocxReader() {
    }

    static ParsedDocument read(byte[] bytes, ParseLimits limits) {
        throw new InvalidInputException("Word (DOCX) files cannot be imported yet.");
    }
}
