package org.annals.project;

import java.util.ArrayList;
import java.util.List;

/** What a project holds, counted: said to a manager before the project is deleted with all of it. */
public record ProjectContents(long sources, long events, long entities, long annotations, long changesets,
        long revisions, long comments, long releases, long members) {

    /** "3 sources, 12 events, ...": every non-empty kind, for the confirmation and the audit line. */
    public String describe() {
        var parts = new ArrayList<String>();
        add(parts, sources, "source", "sources");
        add(parts, events, "event", "events");
        add(parts, entities, "entity", "entities");
        add(parts, annotations, "annotation", "annotations");
        add(parts, changesets, "changeset", "changesets");
        add(parts, revisions, "revision", "revisions");
        add(parts, comments, "comment", "comments");
        add(parts, releases, "release", "releases");
        add(parts, members, "member", "members");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void add(List<String> parts, long count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
    }
}
