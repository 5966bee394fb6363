package org.annals.review;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChangeOperationRepository extends JpaRepository<ChangeOperation, UUID> {

    List<ChangeOperation> findByChangesetIdOrderByOrdinal(UUID changesetId);

    List<ChangeOperation> findByChangesetIdInOrderByOrdinal(Collection<UUID> changesetIds);

    /** What a changeset touches, without loading its proposed values: kind, record id and context per operation. */
    @Query("select o.recordKind, o.recordId, o.contextId from ChangeOperation o where o.changesetId = :changesetId")
    List<Object[]> findTouched(UUID changesetId);

    /** One page of a changeset's operations as a list shows them, without their proposed values. */
    @Query("""
            select o.recordId, o.recordKind, o.action, o.label, o.contextId, o.ordinal from ChangeOperation o
            where o.changesetId = :changesetId order by o.ordinal""")
    List<Object[]> findItems(UUID changesetId, org.springframework.data.domain.Pageable page);

    long countByChangesetId(UUID changesetId);

    @Modifying
    @Query("delete from ChangeOperation o where o.changesetId = :changesetId")
    void deleteByChangesetId(UUID changesetId);

    /** Operations of open changesets by this author on these records: the author's pending overlay. */
    @Query("""
            select o from ChangeOperation o join Changeset c on c.id = o.changesetId
            where c.projectId = :projectId and c.authorId = :authorId and o.recordKind = :kind
              and c.state in :states""")
    List<ChangeOperation> findOpenByAuthor(UUID projectId, UUID authorId, String kind,
            Collection<ChangesetState> states);

    /** Operations of open changesets within one context (an annotation's source), with their changeset. */
    @Query("""
            select o, c from ChangeOperation o join Changeset c on c.id = o.changesetId
            where o.contextId = :contextId and c.projectId = :projectId and c.state in :states
            order by c.updatedAt, o.ordinal""")
    List<Object[]> findOpenInContext(UUID projectId, UUID contextId, Collection<ChangesetState> states);

    /** Operations of open changesets on any of these records, with their changeset: who an approval makes stale. */
    @Query("""
            select o, c from ChangeOperation o join Changeset c on c.id = o.changesetId
            where c.projectId = :projectId and o.recordId in :recordIds and c.state in :states
            order by c.updatedAt, o.ordinal""")
    List<Object[]> findOpenOnRecords(UUID projectId, Collection<UUID> recordIds, Collection<ChangesetState> states);

    /**
     * Operations of other open changesets of the project whose proposed values contain the pattern (a
     * record id): the few candidates that may refer to a record, read before checking their references.
     */
    @Query("""
            select o, c from ChangeOperation o join Changeset c on c.id = o.changesetId
            where c.projectId = :projectId and c.state in :states and c.id <> :except and o.payload like :pattern""")
    List<Object[]> findOpenMentioning(UUID projectId, String pattern, Collection<ChangesetState> states, UUID except);

    /** Every operation of the author's open changesets in a project. */
    @Query("""
            select o from ChangeOperation o join Changeset c on c.id = o.changesetId
            where c.projectId = :projectId and c.authorId = :authorId and c.state in :states""")
    List<ChangeOperation> findOpenByAuthorAnyKind(UUID projectId, UUID authorId, Collection<ChangesetState> states);

    /**
     * Operations of open changesets other than {@code except} that create any of these records of one
     * kind, with their changeset: what a changeset waits for. One query per kind of reference.
     */
    @Query("""
            select o.recordId, c from ChangeOperation o join Changeset c on c.id = o.changesetId
            where c.projectId = :projectId and o.recordKind = :kind and o.recordId in :recordIds
              and o.action = org.annals.review.ChangeAction.CREATE and c.state in :states and c.id <> :except""")
    List<Object[]> findOpenCreators(UUID projectId, String kind, Collection<UUID> recordIds,
            Collection<ChangesetState> states, UUID except);

    /**
     * New records of one kind in open changesets that this person may build on: their own, and those
     * others submitted (or that were sent back to them), whose label contains the text; newest first.
     */
    @Query("""
            select o, c from ChangeOperation o join Changeset c on c.id = o.changesetId
            where c.projectId = :projectId and o.recordKind = :kind
              and o.action = org.annals.review.ChangeAction.CREATE
              and ((c.authorId = :me and c.state in :open) or c.state in :shared)
              and lower(o.label) like :text escape '!'
            order by c.updatedAt desc, o.ordinal""")
    List<Object[]> findPendingCreations(UUID projectId, String kind, UUID me, Collection<ChangesetState> open,
            Collection<ChangesetState> shared, String text, org.springframework.data.domain.Pageable page);
}
