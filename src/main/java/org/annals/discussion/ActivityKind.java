package org.annals.discussion;

/** What happened, in the project's activity feed. */
public enum ActivityKind {
    PROPOSED("proposed"),
    APPROVED("approved"),
    REJECTED("rejected"),
    CHANGES_REQUESTED("asked for changes to"),
    WITHDRAWN("withdrew"),
    COMMENTED("commented on"),
    IMPORTED("imported");

    private final String verb;

    ActivityKind(String verb) {
        this.verb = verb;
    }

    /** How the feed says it: "Alice approved …". */
    public String verb() {
        return verb;
    }
}
