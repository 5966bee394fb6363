package org.annals.discussion;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectActivityRepository extends JpaRepository<ProjectActivity, UUID> {

    /** Newest first; with {@code editor} false, only what every member may know. */
    @Query("""
            select a from ProjectActivity a
            where a.projectId = :projectId and (:editor = true or a.editorsOnly = false)
            order by a.occurredAt desc, a.id desc""")
    List<ProjectActivity> feed(UUID projectId, boolean editor, Pageable page);

    @Query("""
            select count(a) from ProjectActivity a
            where a.projectId = :projectId and (:editor = true or a.editorsOnly = false)""")
    long countFeed(UUID projectId, boolean editor);

    /** Who appears in the feed that the caller sees: the people a mention may be completed with. */
    @Query("""
            select distinct a.actorId from ProjectActivity a
            where a.projectId = :projectId and (:editor = true or a.editorsOnly = false)""")
    List<UUID> actors(UUID projectId, boolean editor);

    /** A changeset's message as stored now (the feed keeps it as it was at the time). */
    @Query("select c.message from org.annals.review.Changeset c where c.id = :changesetId")
    String changesetMessage(UUID changesetId);
}
