package org.annals.event;

/** Whom a casualty figure counts: everyone, or only civilians or combatants. */
public enum CasualtyParty {
    ALL(""),
    CIVILIANS("civilians"),
    COMBATANTS("combatants");

    private final String words;

    CasualtyParty(String words) {
        this.words = words;
    }

    /** "civilians"; empty for {@link #ALL}. */
    public String words() {
        return words;
    }
}
