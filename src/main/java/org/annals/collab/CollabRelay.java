package org.annals.collab;

import java.util.Set;
import org.annals.discussion.CommentPosted;
import org.annals.notification.NotificationsChanged;
import org.annals.project.ProjectDeleted;
import org.annals.review.ChangesetActivity;
import org.annals.source.SourceImported;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what features announce (moderation's {@link ChangesetActivity}, comments, notifications, imports, presence) into
 * {@link CollabEvent}s once the change is committed: a change that rolls back is never announced, and
 * a view that reloads on the event already finds it.
 */
@Component
class CollabRelay {

    private final CollabBus bus;

    CollabRelay(CollabBus bus) {
        this.bus = bus;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void changesetActivity(ChangesetActivity activity) {
        bus.publish(CollabEvent.of(activity));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void commentPosted(CommentPosted posted) {
        bus.publish(new CollabEvent(posted.projectId(), CollabEvent.Kind.COMMENTED, posted.changesetId(),
                posted.record() == null ? Set.of() : Set.of(posted.record()),
                posted.contextId() == null ? Set.of() : Set.of(posted.contextId()), posted.authorId(), false));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void notified(NotificationsChanged changed) {
        bus.publish(new CollabEvent(changed.projectId(), CollabEvent.Kind.NOTIFIED, null, Set.of(), Set.of(),
                changed.userId(), false));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void sourceImported(SourceImported imported) {
        bus.publish(new CollabEvent(imported.projectId(), CollabEvent.Kind.IMPORTED, null, Set.of(),
                Set.of(imported.sourceId()), imported.importerId(), false));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void projectDeleted(ProjectDeleted deleted) {
        bus.publish(new CollabEvent(deleted.projectId(), CollabEvent.Kind.PROJECT_DELETED, null, Set.of(), Set.of(),
                deleted.deletedBy(), false));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void presenceChanged(PresenceChanged changed) {
        bus.publish(new CollabEvent(changed.projectId(), CollabEvent.Kind.PRESENCE, null, Set.of(),
                Set.of(changed.contextId()), changed.userId(), false));
    }
}
