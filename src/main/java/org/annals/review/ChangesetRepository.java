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

    /** The review queue's selection; shared by the page and its count. */
    String QUEUE_FILTER = """
            where c.projectId = :projectId and c.state = org.annals.review.ChangesetState.SUBMITTED
              and (:authorId is null or c.authorId = :authorId)
              and (:kind is null or exists (select o from ChangeOperation o
                                            where o.changesetId = c.id and o.recordKind = :kind))
              and (:source = '%' or exists (select o from ChangeOperation o
                                           where o.changesetId = c.id and o.payload like :source escape '!'))
            """;

    /** Decisions on one changeset are serialised: two reviewers cannot approve it twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Changeset c where c.id = :id")
    Optional<Changeset> lockById(UUID id);

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
            where c.projectId = :projectId and o.recordId = :recordId and c.state in :states and c.id <> :except""")
    List<Changeset> findOpenCreating(UUID projectId, UUID recordId, Collection<ChangesetState> states, UUID except);
}
