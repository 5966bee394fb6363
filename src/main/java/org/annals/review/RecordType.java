package org.annals.review;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A kind of record that changes through changesets (entities now; events and annotations later).
 * Implementations live in their own feature and are Spring beans; the engine finds them by
 * {@link #kind()}. Payloads are immutable records that Jackson can write and read.
 *
 * @param <P> the proposed values of one record
 */
public interface RecordType<P> extends ReferenceTarget {

    Class<P> payloadType();

    /** The vetted record as it is now, with its version; empty when it does not exist in this project. */
    Optional<Current<P>> current(UUID projectId, UUID recordId);

    /** A vetted record of this kind exists in this project. */
    @Override
    default boolean existsIn(UUID projectId, UUID id) {
        return current(projectId, id).isPresent();
    }

    /**
     * Whether a record of this kind with this id exists in any project. Ids are unique across the
     * installation: a new record may not take an id that another project's record has.
     */
    boolean idTaken(UUID recordId);

    /**
     * Checks a proposed payload on its own (names, lengths, formats). Throws
     * {@link org.annals.base.InvalidInputException} with a message for the person.
     */
    void validate(UUID projectId, UUID recordId, ChangeAction action, P payload);

    /**
     * Everything this payload points to, records and other {@link ReferenceTarget}s (sources): each must
     * exist in the changeset's project (records may also be created elsewhere in the same changeset, before or after, or
     * by another open one that approval then waits for).
     */
    Set<RecordRef> references(P payload);

    /**
     * Applies one operation to the live tables. Returns every other record of the project that the
     * change also modified (references moved by a merge, say, including those that other features'
     * listeners moved and reported through a {@link KnockOnChanges}), so that each gets a revision in
     * the same changeset and is announced with it. A change to another record that is not returned
     * here is a gap in the history.
     */
    Set<RecordRef> apply(UUID projectId, UUID recordId, ChangeAction action, P payload);

    /** A short label for lists ("Person: Abu Mohammad al-Julani"). */
    String label(P payload);

    /** The fields of a payload in display order, as text: what diffs compare. */
    LinkedHashMap<String, String> describe(P payload);

    /**
     * The sources these values cite (a claim's source), with their titles, so that a diff or a history
     * shows them as links next to the text from {@link #describe}.
     */
    default java.util.List<Citation> citations(P payload) {
        return java.util.List.of();
    }

    /**
     * Where a record of this kind lives, when it lives inside something else (an annotation: its
     * source). Stored with each proposed operation so that the proposals on one source load by index.
     */
    default @org.jspecify.annotations.Nullable UUID context(P payload) {
        return null;
    }

    /** A vetted record's values and version. */
    record Current<P>(P payload, long version) {
    }
}
