package org.annals.entity;

public enum EntityKind {
    PERSON("Person"),
    ORGANIZATION("Organisation or armed group"),
    PLACE("Place"),
    MILITARY_UNIT("Military unit"),
    OTHER("Other");

    private final String displayName;

    EntityKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
