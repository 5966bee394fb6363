package org.annals.collab;

import org.annals.review.ChangesetActivity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns moderation's {@link ChangesetActivity} into {@link CollabEvent}s once the change is committed:
 * a change that rolls back is never announced, and a view that reloads on the event already finds it.
 */
@Component
class ChangesetRelay {

    private final CollabBus bus;

    ChangesetRelay(CollabBus bus) {
        this.bus = bus;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void changesetActivity(ChangesetActivity activity) {
        bus.publish(CollabEvent.of(activity));
    }
}
