package org.annals.review;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangesetCommentRepository extends JpaRepository<ChangesetComment, UUID> {

    List<ChangesetComment> findByChangesetIdOrderByCreatedAt(UUID changesetId);
}
