package org.annals.search;

/** What a hit is: the kinds of things search finds, in the order a results page groups them. */
public enum SearchKind {
    /** A block of a source's frozen text (a paragraph, a list, a table), with its section path and offsets. */
    PASSAGE("Passages"),
    /** A source's title, publisher, author and address. */
    SOURCE("Sources"),
    EVENT("Events"),
    ENTITY("Entities"),
    /** A marked span of a source: its quote, its type and the name of the record it is linked to. */
    ANNOTATION("Annotations"),
    /** A message in the discussion of a record. */
    COMMENT("Comments");

    private final String plural;

    SearchKind(String plural) {
        this.plural = plural;
    }

    public String plural() {
        return plural;
    }
}
