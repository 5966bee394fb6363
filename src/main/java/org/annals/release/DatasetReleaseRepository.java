package org.annals.release;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DatasetReleaseRepository extends JpaRepository<DatasetRelease, UUID> {

    List<DatasetRelease> findByProjectIdOrderByNumberDesc(UUID projectId);

    Optional<DatasetRelease> findByIdAndProjectId(UUID id, UUID projectId);

    Optional<DatasetRelease> findByProjectIdAndNumber(UUID projectId, int number);

    @Query("select coalesce(max(r.number), 0) from DatasetRelease r where r.projectId = :projectId")
    int lastNumber(UUID projectId);
}
