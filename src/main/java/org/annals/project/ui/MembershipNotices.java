package org.annals.project.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.annals.project.MembershipChanged;
import org.annals.security.ui.SignedInPages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a person's open pages of a project that a manager changed their role there or removed them,
 * and rebuilds each page with the rights they have now: a removed member sees "not found", a demoted
 * reviewer loses the decision buttons. Their session goes on; only the project changed.
 */
@Component
class MembershipNotices {

    private final SignedInPages pages;

    MembershipNotices(SignedInPages pages) {
        this.pages = pages;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void membershipChanged(MembershipChanged changed) {
        String projectPath = "projects/" + changed.projectId();
        String message = changed.role() == null ? "A manager removed you from this project."
                : "A manager changed your role in this project: you are now " + changed.role().displayName() + ".";
        pages.forEachPageOf(changed.userId(), ui -> {
            String path = ui.getInternals().getActiveViewLocation().getPath();
            if (path.equals(projectPath) || path.startsWith(projectPath + "/")) {
                Notification.show(message, 10_000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                ui.refreshCurrentRoute(false);
            }
        });
    }
}
