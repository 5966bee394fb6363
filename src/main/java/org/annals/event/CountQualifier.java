package org.annals.event;

/** How exact a figure is, as the source words it: "12", "at least 12", "about 12". */
public enum CountQualifier {
    EXACTLY(""),
    AT_LEAST("at least "),
    ABOUT("about ");

    private final String prefix;

    CountQualifier(String prefix) {
        this.prefix = prefix;
    }

    /** "at least " (with its space); empty for {@link #EXACTLY}. */
    public String prefix() {
        return prefix;
    }
}
