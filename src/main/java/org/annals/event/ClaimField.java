package org.annals.event;

/**
 * The fields of an event that sources may disagree on, each held as claims (decision 0030): one claim per
 * field is preferred, and is what the timeline, the band, the map and the ACLED-style columns use.
 */
public enum ClaimField {
    DATE("Date", "date"),
    PLACE("Place", "place"),
    TYPE("Type", "type"),
    ACTORS("Actors", "actors"),
    /** Casualty figures: one preferred claim per kind of count ({@link Casualties#group()}), not per field. */
    CASUALTIES("Casualties", "casualties");

    private final String displayName;
    private final String inSentence;

    ClaimField(String displayName, String inSentence) {
        this.displayName = displayName;
        this.inSentence = inSentence;
    }

    public String displayName() {
        return displayName;
    }

    /** "date", as in "date disputed: …". */
    public String inSentence() {
        return inSentence;
    }
}
