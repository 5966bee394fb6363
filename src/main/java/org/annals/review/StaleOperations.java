package org.annals.review;

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
        if (op.getAction() == ChangeAction.CREATE) {
            return false;
        }
        return types.get(op.getRecordKind()).current(projectId, op.getRecordId())
                .map(current -> op.getBaseVersion() == null || current.version() != op.getBaseVersion())
                .orElse(true);
    }
}
