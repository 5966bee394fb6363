package org.annals.source.parse;

/** The shapes in which source texts arrive. */
public enum SourceFormat {
    PLAIN_TEXT("Plain text"),
    MARKDOWN("Markdown"),
    HTML("HTML"),
    MEDIAWIKI("MediaWiki markup");

    private final String displayName;

    SourceFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
