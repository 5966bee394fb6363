package org.annals.entity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EntityRecordRepository extends JpaRepository<EntityRecord, UUID> {

    /** Vetted, not merged entities whose name or an alias contains the text; shared by page and count. */
    String SEARCH = """
            where e.projectId = :projectId and e.mergedInto is null
              and (:kind is null or e.kind = :kind)
              and (:pattern = '%' or lower(e.name) like lower(:pattern) escape '!'
                   or exists (select 1 from EntityRecord x join x.aliases a
                              where x = e and lower(a.name) like lower(:pattern) escape '!'))
            """;

    Optional<EntityRecord> findByIdAndProjectId(UUID id, UUID projectId);

    /** Every vetted, not merged entity of a project with its aliases, in one query. */
    @Query("select distinct e from EntityRecord e left join fetch e.aliases"
            + " where e.projectId = :projectId and e.mergedInto is null")
    List<EntityRecord> findRegistry(UUID projectId);

    List<EntityRecord> findByPartOf(UUID partOf);

    long countByPartOf(UUID partOf);

    List<EntityRecord> findByMergedInto(UUID survivor);

    @Query("select new org.annals.entity.EntitySummary(e.id, e.kind, e.name, e.wikidataId, e.updatedAt)"
            + " from EntityRecord e " + SEARCH)
    List<EntitySummary> search(UUID projectId, String pattern, @Nullable EntityKind kind, Pageable page);

    /** The vetted, not merged entities of a project among these ids (in no particular order). */
    @Query("select new org.annals.entity.EntitySummary(e.id, e.kind, e.name, e.wikidataId, e.updatedAt)"
            + " from EntityRecord e where e.projectId = :projectId and e.mergedInto is null and e.id in :ids")
    List<EntitySummary> summaries(UUID projectId, java.util.Collection<UUID> ids);

    @Query("select count(e) from EntityRecord e " + SEARCH)
    long countSearch(UUID projectId, String pattern, @Nullable EntityKind kind);

    /** Id, kind and name of every vetted, not merged entity of a project: for folding names in memory. */
    @Query("select e.id, e.kind, e.name from EntityRecord e where e.projectId = :projectId and e.mergedInto is null")
    List<Object[]> names(UUID projectId);

    /** Id, kind and alias of every alias of the project's vetted, not merged entities. */
    @Query("""
            select e.id, e.kind, a.name from EntityRecord e join e.aliases a
            where e.projectId = :projectId and e.mergedInto is null""")
    List<Object[]> aliasNames(UUID projectId);
}
