package org.annals.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.base.Timestamps;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The history of a record (who proposed, who approved, when, what changed) and reverting to an earlier state. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class HistoryService {

    private final ProjectAccess access;
    private final RecordRevisionRepository revisions;
    private final ChangesetRepository changesets;
    private final RecordTypes types;
    private final ChangesetViews views;
    private final ChangesetService proposals;

    HistoryService(ProjectAccess access, RecordRevisionRepository revisions, ChangesetRepository changesets,
            RecordTypes types, ChangesetViews views, ChangesetService proposals) {
        this.access = access;
        this.revisions = revisions;
        this.changesets = changesets;
        this.types = types;
        this.views = views;
        this.proposals = proposals;
    }

    /**
     * One applied change: who, when, the fields that changed from the revision before, and the sources
     * the record cited afterwards.
     */
    public record Revision(UUID id, ChangeAction action, @Nullable Long version, String author, String reviewer,
            Instant appliedAt, UUID changesetId, String changesetMessage, List<ChangesetDetails.FieldChange> changes,
            List<Citation> citations) {
    }

    /** Oldest first. */
    public List<Revision> history(UUID projectId, String kind, UUID recordId) {
        access.require(projectId, ProjectRole.VIEWER);
        var result = new ArrayList<Revision>();
        LinkedHashMap<String, String> before = new LinkedHashMap<>();
        for (RecordRevision revision : revisions.findByProjectIdAndRecordKindAndRecordIdOrderByAppliedAtAscIdAsc(
                projectId, kind, recordId)) {
            LinkedHashMap<String, String> after = types.describe(kind, revision.getSnapshot());
            var changes = new ArrayList<ChangesetDetails.FieldChange>();
            var fields = new LinkedHashSet<>(before.keySet());
            fields.addAll(after.keySet());
            for (String field : fields) {
                var change = new ChangesetDetails.FieldChange(field, before.get(field), after.get(field));
                if (change.changed()) {
                    changes.add(change);
                }
            }
            String message = changesets.findById(revision.getChangesetId()).map(Changeset::getMessage).orElse("");
            result.add(new Revision(revision.getId(), revision.getAction(), revision.getRecordVersion(),
                    views.name(revision.getAuthorId()), views.name(revision.getReviewerId()), revision.getAppliedAt(),
                    revision.getChangesetId(), message, changes, types.citations(kind, revision.getSnapshot())));
            before = after;
        }
        return result;
    }

    /**
     * Proposes a changeset that brings the record back to how it was after the given revision. Like
     * every change it goes through review.
     */
    @Transactional
    public UUID revert(UUID projectId, String kind, UUID recordId, UUID revisionId, boolean submit) {
        access.require(projectId, ProjectRole.EDITOR);
        RecordRevision revision = revisions.findById(revisionId)
                .filter(r -> r.getProjectId().equals(projectId) && r.getRecordId().equals(recordId)
                        && r.getRecordKind().equals(kind))
                .orElseThrow(() -> new NotFoundException("Revision"));
        if (revision.getSnapshot() == null) {
            throw new InvalidInputException("That revision deleted the record; there is nothing to go back to.");
        }
        return revertTyped(types.get(kind), projectId, recordId, revision, submit);
    }

    private <P> UUID revertTyped(RecordType<P> type, UUID projectId, UUID recordId, RecordRevision revision,
            boolean submit) {
        P old = types.read(type, revision.getSnapshot());
        var current = type.current(projectId, recordId);
        ProposedOperation op = current.isPresent()
                ? ProposedOperation.update(type.kind(), recordId, current.get().version(), old)
                : ProposedOperation.create(type.kind(), recordId, old);
        // Stored and read by everyone: the moment in UTC, readable, never the raw ISO form.
        return proposals.propose(projectId, "Revert " + type.label(old) + " to its state of "
                + Timestamps.utc(revision.getAppliedAt()), List.of(op), submit);
    }
}
