package org.annals.review;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChangesetDependencyRepository extends JpaRepository<ChangesetDependency, UUID> {

    @Modifying
    @Query("delete from ChangesetDependency d where d.changesetId = :changesetId")
    void deleteByChangesetId(UUID changesetId);

    /** The still open changesets that these changesets wait for, as (waiting id, awaited changeset). */
    @Query("""
            select d.changesetId, c from ChangesetDependency d join Changeset c on c.id = d.dependsOnId
            where d.changesetId in :changesetIds and c.state in :open
            order by c.createdAt, c.id""")
    List<Object[]> findOpenDependencies(Collection<UUID> changesetIds, Collection<ChangesetState> open);

    /** The still open changesets that wait for this one. */
    @Query("""
            select c from ChangesetDependency d join Changeset c on c.id = d.changesetId
            where d.dependsOnId = :changesetId and c.state in :open
            order by c.createdAt, c.id""")
    List<Changeset> findOpenDependents(UUID changesetId, Collection<ChangesetState> open);
}
