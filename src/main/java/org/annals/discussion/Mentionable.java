package org.annals.discussion;

/** A member the caller may mention: {@code @username} is what a comment says. */
public record Mentionable(String username, String displayName) {

    public String handle() {
        return "@" + username;
    }

    public String label() {
        return displayName.equals(username) ? handle() : displayName + " (" + handle() + ")";
    }
}
