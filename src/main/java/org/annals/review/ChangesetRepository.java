package org.annals.review;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ChangesetRepository extends JpaRepository<Changeset, UUID> {

    /** Changesets touching one kind of record (or any), concerning one source (or any): the queue's filters. */
    String KIND_AND_SOURCE = """
              and (:kind is null or exists (select o from ChangeOperation o
                                            where o.changesetId = c.id and o.recordKind = :kind))
              and (:source = '%' or exists (select o from ChangeOperation o
                                           where o.changesetId = c.id and o.payload like :source escape '!'))
            """;

    /** The review queue's selection; shared by the page and its count. */
    String QUEUE_FILTER = """
            where c.projectId = :projectId and c.state = org.annals.review.ChangesetState.SUBMITTED
              and (:authorId is null or c.authorId = :authorId)
            """ + KIND_AND_SOURCE;

    /** Decisions on one changeset are serialised: two reviewers cannot approve it twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Changeset c where c.id = :id")
    Optional<Changeset> lockById(UUID id);

    /** One author's changesets in the given states, with the queue's record-kind and source filters. */
    String AUTHOR_FILTER = """
            where c.projectId = :projectId and c.authorId = :authorId and c.state in :states
            """ + KIND_AND_SOURCE;

    @Query("select c from Changeset c " + AUTHOR_FILTER)
    List<Changeset> findByAuthor(UUID projectId, UUID authorId, Collection<ChangesetState> states,
            @Nullable String kind, String source, Pageable page);

    @Query("select count(c) from Changeset c " + AUTHOR_FILTER)
    long countByAuthor(UUID projectId, UUID authorId, Collection<ChangesetState> states, @Nullable String kind,
            String source);

    @Query("select c from Changeset c " + QUEUE_FILTER)
    List<Changeset> findPending(UUID projectId, @Nullable UUID authorId, @Nullable String kind, String source,
            Pageable page);

    @Query("select count(c) from Changeset c " + QUEUE_FILTER)
    long countPending(UUID projectId, @Nullable UUID authorId, @Nullable String kind, String source);

    /** The person's working draft in the project, if they have one (at most one: a unique index). */
    Optional<Changeset> findByProjectIdAndWorkingDraftOf(UUID projectId, UUID authorId);

    List<Changeset> findByProjectIdAndAuthorIdOrderByUpdatedAtDesc(UUID projectId, UUID authorId, Pageable page);

    @Query("""
            select c from Changeset c join ChangeOperation o on o.changesetId = c.id
            where c.projectId = :projectId and o.recordId = :recordId and o.action = org.annals.review.ChangeAction.CREATE
              and c.state in :states and c.id <> :except""")
    List<Changeset> findOpenCreating(UUID projectId, UUID recordId, Collection<ChangesetState> states, UUID except);
}
