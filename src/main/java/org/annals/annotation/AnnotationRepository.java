package org.annals.annotation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnotationRepository extends JpaRepository<Annotation, UUID> {

    Optional<Annotation> findByIdAndProjectId(UUID id, UUID projectId);

    /** A source's vetted annotations in text order. */
    @Query("select a from Annotation a where a.sourceId = :sourceId and a.projectId = :projectId order by a.start, a.end desc")
    List<Annotation> findBySource(UUID projectId, UUID sourceId);

    /** The evidence of one record: every vetted annotation linked to it, by source then position. */
    @Query("""
            select a from Annotation a
            where a.projectId = :projectId and a.linkKind = :kind and a.linkId = :id
            order by a.sourceId, a.start""")
    List<Annotation> findLinkedTo(UUID projectId, String kind, UUID id);

    /** (linked record id, source id) pairs of the vetted annotations linked to these records, without repeats. */
    @Query("""
            select distinct a.linkId, a.sourceId from Annotation a
            where a.projectId = :projectId and a.linkKind = :kind and a.linkId in :ids""")
    List<Object[]> findSourcesOfLinked(UUID projectId, String kind, java.util.Collection<UUID> ids);

    @Query("select count(a) from Annotation a where a.projectId = :projectId and a.linkKind = :kind and a.linkId = :id")
    long countLinkedTo(UUID projectId, String kind, UUID id);
}
