package org.annals.source.parse;

import org.annals.base.InvalidInputException;

/** Reads a OpenDocument text (ODT) file into blocks. (Skeleton: the helper of issue 19 replaces this.) */
final class OdtReader {

    private OdtReader() {
    }

    static ParsedDocument read(byte[] bytes, ParseLimits limits) {
        throw new InvalidInputException("OpenDocument text (ODT) files cannot be imported yet.");
    }
}
