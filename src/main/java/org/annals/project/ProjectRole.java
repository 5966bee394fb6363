package org.annals.project;

/** A member's role in one project. Each role includes every right of the roles before it. */
public enum ProjectRole {
    /** Reads vetted data and exports it. */
    VIEWER("Viewer"),
    /** Proposes changes. */
    EDITOR("Editor"),
    /** Decides on other people's proposals. */
    REVIEWER("Reviewer"),
    /** Manages members, settings and releases. */
    MANAGER("Manager");

    private final String displayName;

    ProjectRole(String displayName) {
        this.displayName = displayName;
    }

    public boolean includes(ProjectRole required) {
        return ordinal() >= required.ordinal();
    }

    public String displayName() {
        return displayName;
    }
}
