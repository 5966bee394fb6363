package org.annals.search;

import java.util.UUID;

/**
 * The unit the index is updated in: everything derived from one thing in the database. A change to the
 * thing replaces all documents of its group with those built from its current state (none when it is
 * gone), so applying the same change twice, or out of order, leaves the same index.
 */
public record DocumentGroup(Type type, UUID id) {

    public enum Type {
        /** A source's metadata document and all its passages. */
        SOURCE,
        /** A vetted annotation. */
        ANNOTATION,
        /** A vetted entity (merged or deleted: no document). */
        ENTITY,
        /** A vetted event. */
        EVENT,
        /** A comment on a record. */
        COMMENT,
        /** Every proposed operation of a changeset while it is a draft or waits for review. */
        CHANGESET,
        /** Everything of a project: used when a project is deleted. */
        PROJECT
    }

    /** The term the engine stores with every document of the group. */
    public String key() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    public static DocumentGroup parse(String type, UUID id) {
        return new DocumentGroup(Type.valueOf(type), id);
    }
}
