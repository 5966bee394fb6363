package org.annals.review;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.annals.review.ChangesetActivity.Activity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link ChangesetActivity} for both sides of moderation, with the records and contexts a
 * changeset touches. Reading them is one narrow query (kind, id, context per operation), never the
 * proposed values.
 */
@Component
class ChangesetAnnouncer {

    private final ChangeOperationRepository operations;
    private final ApplicationEventPublisher events;

    ChangesetAnnouncer(ChangeOperationRepository operations, ApplicationEventPublisher events) {
        this.operations = operations;
        this.events = events;
    }

    /** Announces with what the changeset's operations touch as stored now. */
    void announce(Changeset changeset, Activity activity, UUID actorId) {
        var touched = touched(changeset.getId());
        announce(changeset, activity, actorId, touched.records(), touched.contexts());
    }

    /** Announces with what these operations touch (those just written, or just removed). */
    void announce(Changeset changeset, Activity activity, UUID actorId, Collection<ChangeOperation> ops) {
        var touched = Touched.of(ops);
        announce(changeset, activity, actorId, touched.records(), touched.contexts());
    }

    void announce(Changeset changeset, Activity activity, UUID actorId, Set<RecordRef> records, Set<UUID> contexts) {
        events.publishEvent(new ChangesetActivity(changeset.getId(), changeset.getProjectId(), changeset.getAuthorId(),
                actorId, activity, records, contexts));
    }

    /** Tells listeners in the transaction (mentions, the activity feed) about a new comment. */
    void commented(Changeset changeset, ChangesetComment comment) {
        events.publishEvent(new ChangesetCommented(changeset.getId(), changeset.getProjectId(), changeset.getMessage(),
                comment.getId(), comment.getAuthorId(), changeset.getAuthorId(), comment.getBody(),
                comment.getCreatedAt()));
    }

    Touched touched(UUID changesetId) {
        var touched = Touched.empty();
        for (Object[] row : operations.findTouched(changesetId)) {
            touched.add((String) row[0], (UUID) row[1], (UUID) row[2]);
        }
        return touched;
    }

    /** Records and contexts gathered from operations. */
    record Touched(Set<RecordRef> records, Set<UUID> contexts) {

        static Touched empty() {
            return new Touched(new HashSet<>(), new HashSet<>());
        }

        /** What these operations change and where those records live. */
        static Touched of(Collection<ChangeOperation> ops) {
            var touched = empty();
            ops.forEach(op -> touched.add(op.getRecordKind(), op.getRecordId(), op.getContextId()));
            return touched;
        }

        void add(String kind, UUID recordId, @org.jspecify.annotations.Nullable UUID context) {
            records.add(new RecordRef(kind, recordId));
            if (context != null) {
                contexts.add(context);
            }
        }

        Touched plus(Touched other) {
            records.addAll(other.records);
            contexts.addAll(other.contexts);
            return this;
        }
    }
}
