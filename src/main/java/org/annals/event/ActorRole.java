package org.annals.event;

/** How an entity takes part in an event (ACLED's actor 1, associated actor, actor 2, and targets). */
public enum ActorRole {
    PRIMARY("Primary actor"),
    ASSOCIATED("Associated actor"),
    OPPOSING("Opposing actor"),
    TARGET("Target");

    private final String displayName;

    ActorRole(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
