package org.annals.collab;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PresenceRepository extends JpaRepository<Presence, UUID> {

    /** Who has the context open: people with a page seen since {@code since}, each once. */
    @Query("""
            select distinct p.userId from Presence p
            where p.projectId = :projectId and p.contextId = :contextId and p.seenAt > :since""")
    List<UUID> present(UUID projectId, UUID contextId, Instant since);

    /** The heartbeat of this node's open pages: one statement for all of them. */
    @Modifying
    @Query("update Presence p set p.seenAt = :now where p.id in :ids")
    int touch(Collection<UUID> ids, Instant now);

    /** The open pages on the context that have something selected, seen since {@code since}. */
    @Query("""
            select p from Presence p
            where p.projectId = :projectId and p.contextId = :contextId and p.seenAt > :since
            and p.selectionStart is not null""")
    List<Presence> selecting(UUID projectId, UUID contextId, Instant since);

    /** A page's selection (both null: nothing selected). */
    @Modifying
    @Query("update Presence p set p.selectionStart = :start, p.selectionEnd = :end where p.id = :id")
    int select(UUID id, @Nullable Integer start, @Nullable Integer end);

    List<Presence> findBySeenAtBefore(Instant before);

    @Modifying
    @Query("delete from Presence p where p.id in :ids")
    int deleteByIds(Collection<UUID> ids);
}
