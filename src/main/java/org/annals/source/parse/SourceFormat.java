package org.annals.source.parse;

/** The shapes in which source texts arrive. */
public enum SourceFormat {
    PLAIN_TEXT("Plain text"),
    MARKDOWN("Markdown"),
    HTML("HTML"),
    MEDIAWIKI("MediaWiki markup"),
    /** Documents read from their bytes rather than from decoded text ({@link SourceParser#parseDocument}). */
    PDF("PDF"),
    DOCX("Word document"),
    ODT("OpenDocument text");

    private final String displayName;

    SourceFormat(String displayName) {
        this.displayName = displayName;
    }

    /** Whether this format is read from the file's bytes (a document) rather than from decoded text. */
    public boolean isDocument() {
        return this == PDF || this == DOCX || this == ODT;
    }

    public String displayName() {
        return displayName;
    }
}
