package org.annals.source.parse;

/** What a block of a source is; each becomes a passage of its own kind (headings become sections). */
public enum BlockKind {
    HEADING,
    PARAGRAPH,
    /** Rows of a table or infobox, kept together: one row per line, cells separated by " | ". */
    TABLE,
    /** Items of a list, one per line. */
    LIST,
    QUOTE
}
