package org.annals.discussion;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecordCommentRepository extends JpaRepository<RecordComment, UUID> {

    List<RecordComment> findByProjectIdAndRecordKindAndRecordIdOrderByCreatedAtAscIdAsc(UUID projectId,
            String recordKind, UUID recordId);

    long countByProjectIdAndRecordKindAndRecordId(UUID projectId, String recordKind, UUID recordId);
}
