package org.annals.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventRecordRepository extends JpaRepository<EventRecord, UUID> {

    /** The vetted events a timeline filter selects; shared by the page, its count and the per-day counts. */
    String TIMELINE_FILTER = """
            where e.projectId = :projectId and e.mergedInto is null
              and e.startDate >= :from and e.startDate <= :to
              and (:typeId is null or e.typeId = :typeId or e.subTypeId = :typeId)
              and (:placeId is null or e.placeId = :placeId)
              and (:actorId is null or exists (select 1 from EventRecord x join x.actors a
                                               where x = e and a.entityId = :actorId))
              and (:pattern = '%' or lower(e.title) like lower(:pattern) escape '!'
                   or lower(coalesce(e.notes, '')) like lower(:pattern) escape '!')
              and (:contestedOnly = false or e.contestedFields <> '')
            """;

    Optional<EventRecord> findByIdAndProjectId(UUID id, UUID projectId);

    List<EventRecord> findByParentId(UUID parentId);

    List<EventRecord> findByMergedInto(UUID survivor);

    @Query("select count(e) from EventRecord e where e.typeId = :typeId or e.subTypeId = :typeId")
    long countUsingType(UUID typeId);

    /**
     * Events that name an entity: as their place or an actor, or in a claim (a claimed place, or among a claim's
     * actors, stored as {@code entityId:ROLE} pairs; {@code actorPattern} is {@code %entityId%}).
     */
    @Query("""
            select distinct e from EventRecord e left join e.actors a left join e.claims c
            where e.projectId = :projectId and (e.placeId = :entityId or a.entityId = :entityId
                or c.placeId = :entityId or c.actors like :actorPattern)""")
    List<EventRecord> findReferencing(UUID projectId, UUID entityId, String actorPattern);

    default List<EventRecord> findReferencing(UUID projectId, UUID entityId) {
        return findReferencing(projectId, entityId, "%" + entityId + "%");
    }

    /** Events with a claim that one of these annotations quotes (by the index on event_claim.annotation_id). */
    @Query("""
            select distinct e from EventRecord e join e.claims c
            where e.projectId = :projectId and c.annotationId in :annotationIds""")
    List<EventRecord> findQuoting(UUID projectId, java.util.Collection<UUID> annotationIds);

    /** Vetted events that a timeline filter selects, in date order. */
    @Query("select e from EventRecord e " + TIMELINE_FILTER)
    List<EventRecord> timeline(UUID projectId, LocalDate from, LocalDate to, @Nullable UUID typeId,
            @Nullable UUID placeId, @Nullable UUID actorId, String pattern, boolean contestedOnly, Pageable page);

    /** The vetted events a timeline filter selects that have a place, in date order: for maps. */
    @Query("select new org.annals.event.EventSite(e.id, e.startDate, e.endDate, e.title, e.typeId, e.placeId)"
            + " from EventRecord e " + TIMELINE_FILTER + " and e.placeId is not null")
    List<EventSite> sites(UUID projectId, LocalDate from, LocalDate to, @Nullable UUID typeId,
            @Nullable UUID placeId, @Nullable UUID actorId, String pattern, boolean contestedOnly, Pageable page);

    /**
     * The vetted events with a place that concern an entity, in date order, at most {@code limit}: those at it or
     * at a place inside it (through part-of, at any depth; {@code union} rather than {@code union all} so that a
     * cycle of part-of links ends), and those it takes part in as an actor. For the small map of an entity.
     * Rows: id, start date, end date, title, type id, place id.
     */
    @Query(nativeQuery = true, value = """
            with recursive inside(id) as (
                select id from entity_record where id = :entityId and project_id = :projectId
                union
                select p.id from entity_record p join inside i on p.part_of_id = i.id where p.merged_into_id is null
            )
            select e.id, e.start_date, e.end_date, e.title, e.type_id, e.place_id from event_record e
            where e.project_id = :projectId and e.merged_into_id is null and e.place_id is not null
              and (e.place_id in (select id from inside)
                   or exists (select 1 from event_actor a where a.event_id = e.id and a.entity_id = :entityId))
            order by e.start_date, e.id
            limit :limit""")
    List<Object[]> sitesOfEntity(UUID projectId, UUID entityId, int limit);

    @Query("select count(e) from EventRecord e " + TIMELINE_FILTER)
    long countTimeline(UUID projectId, LocalDate from, LocalDate to, @Nullable UUID typeId,
            @Nullable UUID placeId, @Nullable UUID actorId, String pattern, boolean contestedOnly);

    /** Day, type and count of the events a filter selects, for the per-day chart. */
    @Query("select e.startDate, e.typeId, count(e) from EventRecord e " + TIMELINE_FILTER
            + " group by e.startDate, e.typeId order by e.startDate")
    List<Object[]> countPerDay(UUID projectId, LocalDate from, LocalDate to, @Nullable UUID typeId,
            @Nullable UUID placeId, @Nullable UUID actorId, String pattern, boolean contestedOnly);

    /** Events on the same day and at the same place: likely duplicates of a new proposal. */
    @Query("""
            select e from EventRecord e
            where e.projectId = :projectId and e.mergedInto is null and e.startDate = :day and e.placeId = :placeId""")
    List<EventRecord> sameDayAndPlace(UUID projectId, LocalDate day, UUID placeId);
}
