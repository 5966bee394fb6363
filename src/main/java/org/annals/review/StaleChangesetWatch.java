package org.annals.review;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each approval, finds the other open changesets that it made stale and announces each once
 * ({@link ChangesetWentStale}), in the approval's transaction: the records already hold their new
 * versions, and what reacts (a notification) commits or rolls back with the approval.
 */
@Component
class StaleChangesetWatch {

    private static final int SLICE = 1000;

    private final ChangeOperationRepository operations;
    private final StaleOperations staleness;
    private final ApplicationEventPublisher events;

    StaleChangesetWatch(ChangeOperationRepository operations, StaleOperations staleness,
            ApplicationEventPublisher events) {
        this.operations = operations;
        this.staleness = staleness;
        this.events = events;
    }

    @EventListener
    void changesetActivity(ChangesetActivity activity) {
        if (activity.activity() != ChangesetActivity.Activity.APPROVED || activity.records().isEmpty()) {
            return;
        }
        var recordIds = activity.records().stream().map(RecordRef::id).distinct().toList();
        var rows = new java.util.ArrayList<Object[]>();
        // A merge can ripple to thousands of records: ask in slices that every database takes as parameters.
        for (int from = 0; from < recordIds.size(); from += SLICE) {
            rows.addAll(operations.findOpenOnRecords(activity.projectId(),
                    recordIds.subList(from, Math.min(recordIds.size(), from + SLICE)), ChangesetService.OPEN));
        }
        Map<java.util.UUID, Changeset> stale = new LinkedHashMap<>();
        var check = staleness.check(activity.projectId());
        for (Object[] row : rows) {
            ChangeOperation op = (ChangeOperation) row[0];
            Changeset changeset = (Changeset) row[1];
            if (changeset.getId().equals(activity.changesetId()) || stale.containsKey(changeset.getId())
                    || !activity.records().contains(new RecordRef(op.getRecordKind(), op.getRecordId()))) {
                continue;
            }
            if (check.stale(op)) {
                stale.put(changeset.getId(), changeset);
            }
        }
        stale.values().forEach(c -> events.publishEvent(new ChangesetWentStale(c.getId(), c.getProjectId(),
                c.getAuthorId(), c.getMessage(), activity.changesetId())));
    }
}
