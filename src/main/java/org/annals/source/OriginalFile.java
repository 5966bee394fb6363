package org.annals.source;

/**
 * A source's original for download: a file name safe for a Content-Disposition header and the bytes. Served as
 * an attachment of type application/octet-stream whatever the page said it was, so that a captured page never
 * runs as HTML in Annals's origin.
 */
public record OriginalFile(String fileName, byte[] bytes) {

    public static final String CONTENT_TYPE = "application/octet-stream";

    @Override
    public String toString() {
        return "OriginalFile[" + fileName + ", " + bytes.length + " bytes]";
    }
}
