package org.annals.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whether an open operation still fits its record: an update or deletion is stale once the record
 * moved past the version it was based on, or is gone. The same rule approval enforces, asked early so
 * that authors hear of a conflict before a reviewer does.
 */
@Component
class StaleOperations {

    private final RecordTypes types;

    StaleOperations(RecordTypes types) {
        this.types = types;
    }

    boolean stale(UUID projectId, ChangeOperation op) {
        return check(projectId).stale(op);
    }

    /**
     * Checks for many operations of one project that reads each record's current version once, however
     * many open operations point at it (a record many people want to change, a merge's ripple).
     */
    Check check(UUID projectId) {
        return new Check(projectId);
    }

    final class Check {
        private final UUID projectId;
        /** Current version by record; empty when the record is gone. */
        private final Map<RecordRef, Optional<Long>> versions = new HashMap<>();

        private Check(UUID projectId) {
            this.projectId = projectId;
        }

        boolean stale(ChangeOperation op) {
            if (op.getAction() == ChangeAction.CREATE) {
                return false;
            }
            Optional<Long> current = versions.computeIfAbsent(new RecordRef(op.getRecordKind(), op.getRecordId()),
                    record -> types.get(record.kind()).current(projectId, record.id()).map(c -> c.version()));
            return current.map(version -> op.getBaseVersion() == null || version.longValue() != op.getBaseVersion())
                    .orElse(true);
        }
    }
}
