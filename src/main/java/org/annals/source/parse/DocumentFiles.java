package org.annals.source.parse;

import org.jspecify.annotations.Nullable;

/**
 * Tells document files (PDF, DOCX, ODT) from text files by their bytes. (Skeleton: the helper of issue 19
 * replaces this with magic-number and zip-entry sniffing and the refusal of lying extensions.)
 */
final class DocumentFiles {

    private DocumentFiles() {
    }

    static @Nullable SourceFormat detect(@Nullable String filename, byte[] bytes) {
        if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                && bytes[4] == '-') {
            return SourceFormat.PDF;
        }
        return null;
    }
}
