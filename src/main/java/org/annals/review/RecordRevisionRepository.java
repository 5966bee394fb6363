package org.annals.review;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecordRevisionRepository extends JpaRepository<RecordRevision, UUID> {

    List<RecordRevision> findByProjectIdAndRecordKindAndRecordIdOrderByAppliedAtAscIdAsc(UUID projectId, String kind,
            UUID recordId);

    List<RecordRevision> findByChangesetId(UUID changesetId);
}
