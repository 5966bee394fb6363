package org.annals.event;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventTypeRepository extends JpaRepository<EventType, UUID> {

    List<EventType> findByProjectIdOrderByPosition(UUID projectId);

    Optional<EventType> findByIdAndProjectId(UUID id, UUID projectId);

    long countByParentId(UUID parentId);
}
