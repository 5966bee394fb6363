package org.annals.notification;

import java.time.Instant;
import java.util.List;
import org.annals.discussion.Mentioned;
import org.annals.review.ChangesetDecided;
import org.annals.review.ChangesetWentStale;
import org.annals.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's notifications, and the reactions that create them (decisions, mentions). */
@Service
@Transactional
public class NotificationService {

    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;

    NotificationService(NotificationRepository notifications, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.events = events;
    }

    /** Stores a notification and tells the recipient's open pages (after commit, through the collab bus). */
    private void send(Notification notification) {
        notifications.save(notification);
        events.publishEvent(new NotificationsChanged(notification.getProjectId(), notification.getUserId()));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notification> mine(int limit) {
        return notifications.findByUserIdOrderByCreatedAtDesc(CurrentUser.require().userId(),
                PageRequest.of(0, Math.clamp(limit, 1, 100)));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public long unread() {
        return notifications.countByUserIdAndReadAtIsNull(CurrentUser.require().userId());
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        Instant now = Instant.now();
        notifications.findByUserIdAndReadAtIsNull(CurrentUser.require().userId()).forEach(n -> n.markRead(now));
    }

    /** Tells a member they were mentioned in a comment, in the comment's transaction. */
    @EventListener
    void mentioned(Mentioned mentioned) {
        send(new Notification(mentioned.userId(), mentioned.projectId(),
                mentioned.authorName() + " mentioned you on " + mentioned.threadLabel() + ".", mentioned.link(),
                Instant.now()));
    }

    /** Tells an author the decision on their changeset, in the same transaction as the decision. */
    @EventListener
    void changesetDecided(ChangesetDecided decided) {
        if (decided.authorId().equals(decided.reviewerId())) {
            return;
        }
        String verb = switch (decided.state()) {
            case APPROVED -> "was approved";
            case REJECTED -> "was rejected";
            case CHANGES_REQUESTED -> "needs changes";
            default -> "was " + decided.state().displayName().toLowerCase(java.util.Locale.ROOT);
        };
        send(new Notification(decided.authorId(), decided.projectId(),
                "Your changeset \"" + decided.message() + "\" " + verb + ".",
                "projects/" + decided.projectId() + "/changes", Instant.now()));
    }

    /** Tells an author, with the approval, that it made their open changeset stale; the link opens it. */
    @EventListener
    void changesetWentStale(ChangesetWentStale stale) {
        send(new Notification(stale.authorId(), stale.projectId(), "Your changeset \"" + stale.message()
                + "\" conflicts with a change approved just now: open it to update it to the current version.",
                "projects/" + stale.projectId() + "/changes?changeset=" + stale.changesetId(), Instant.now()));
    }
}
