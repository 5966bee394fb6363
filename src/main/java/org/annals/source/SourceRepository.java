package org.annals.source;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SourceRepository extends JpaRepository<Source, UUID> {

    /** A project's sources whose title or publisher contains the text; shared by page and count. */
    String LIBRARY_FILTER = """
            where s.projectId = :projectId
              and (:pattern = '%' or lower(s.title) like lower(:pattern) escape '!'
                   or lower(coalesce(s.publisher, '')) like lower(:pattern) escape '!')
            """;

    @Query("select new org.annals.source.SourceSummary(s.id, s.title, s.publisher, s.publishedOn, s.textLength,"
            + " s.createdAt) from Source s " + LIBRARY_FILTER)
    List<SourceSummary> search(UUID projectId, String pattern, Pageable page);

    @Query("select count(s) from Source s " + LIBRARY_FILTER)
    long countSearch(UUID projectId, String pattern);

    Optional<Source> findByIdAndProjectId(UUID id, UUID projectId);

    boolean existsByIdAndProjectId(UUID id, UUID projectId);

    @Query("""
            select new org.annals.source.ExistingSource(s.id, s.title)
            from Source s join TextVersion t on t.id = s.textVersionId
            where s.projectId = :projectId and t.sha256 = :sha256
            order by s.createdAt""")
    List<ExistingSource> findBySha256(UUID projectId, String sha256);

    /** Id and text version of each of a project's sources, oldest first: the texts a same-words lookup reads. */
    @Query("select s.id, s.textVersionId from Source s where s.projectId = :projectId order by s.createdAt, s.id")
    List<Object[]> textsOf(UUID projectId);
}
