package org.annals.review;

import java.util.UUID;

/**
 * Something a proposed payload may point to: a record of the engine (every {@link RecordType} is one)
 * or a thing that is not moderated, such as a source. Whatever a payload points to must be in the
 * changeset's own project; the engine checks every reference through this one question when a change
 * is proposed and again when it is approved, so no kind of record can cite another project's data.
 */
public interface ReferenceTarget {

    /** Stable name used in {@link RecordRef#kind()}, e.g. "ENTITY" or "SOURCE". */
    String kind();

    /** What people call it, e.g. "Source". */
    String displayName();

    /** Whether it exists in this project now (one in another project does not count). */
    boolean existsIn(UUID projectId, UUID id);
}
