package org.annals.event;

/** What a casualty figure counts, as sources count: the dead, the injured, or both together. */
public enum CasualtyCategory {
    KILLED("killed"),
    INJURED("injured"),
    /** "16 killed and injured": a figure that sources do not split. */
    KILLED_AND_INJURED("killed and injured");

    private final String words;

    CasualtyCategory(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
