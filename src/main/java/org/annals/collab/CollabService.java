package org.annals.collab;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Live updates for the caller's open pages. Subscribing needs at least the viewer role in the project;
 * before every delivery the person's role is read again, and they get only what they may know about:
 * approvals (vetted data), presence and comments on records for every member, other proposals and comments
 * on changesets for editors and above, a draft only for
 * its author. A person removed from the project hears nothing more. The events carry ids only; the
 * page reloads through the services, which check access again.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CollabService {

    private final CollabBus bus;
    private final ProjectAccess access;

    CollabService(CollabBus bus, ProjectAccess access) {
        this.bus = bus;
        this.access = access;
    }

    /** Delivers the project's events that the caller may know about until the subscription is closed. */
    public Subscription subscribe(UUID projectId, CollabListener listener) {
        return subscribe(projectId, event -> true, listener);
    }

    /**
     * The same, for the events that {@code concerns} (run on a bus thread) keeps: the others are dropped
     * before anything is read, so an open page pays the role check only for what it would show.
     */
    public Subscription subscribe(UUID projectId, java.util.function.Predicate<CollabEvent> concerns,
            CollabListener listener) {
        access.require(projectId, ProjectRole.VIEWER);
        AnnalsPrincipal person = CurrentUser.require();
        var self = new AtomicReference<@Nullable Subscription>();
        Subscription subscription = bus.subscribe(projectId, all -> {
            List<CollabEvent> batch = all.stream().filter(concerns).toList();
            if (batch.isEmpty()) {
                return;
            }
            List<CollabEvent> deleted = batch.stream().filter(e -> e.kind() == CollabEvent.Kind.PROJECT_DELETED).toList();
            if (!deleted.isEmpty()) {
                // The project is gone, so no role is left to check: the page only learns that it must leave.
                listener.onEvents(deleted);
                closeOwn(self);
                return;
            }
            Optional<ProjectRole> role = access.roleOf(projectId, person);
            if (role.isEmpty()) {
                // No longer a member: nothing more for this page, ever (it learns why when it next asks a service).
                closeOwn(self);
                return;
            }
            List<CollabEvent> visible = batch.stream().filter(e -> mayKnow(e, person, role.get())).toList();
            if (!visible.isEmpty()) {
                listener.onEvents(visible);
            }
        });
        self.set(subscription);
        return subscription;
    }

    private static void closeOwn(AtomicReference<@Nullable Subscription> self) {
        Subscription own = self.get();
        if (own != null) {
            own.close();
        }
    }

    static boolean mayKnow(CollabEvent event, AnnalsPrincipal person, ProjectRole role) {
        return switch (event.kind()) {
            case APPROVED, PRESENCE, RESYNC, IMPORTED, PROJECT_DELETED -> true;
            case DRAFT_CHANGED, NOTIFIED -> person.userId().equals(event.actorId());
            // Suggestions are for editors only.
            case SUBMITTED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, SUGGESTIONS_CHANGED -> role.includes(ProjectRole.EDITOR);
            // Every member reads records' threads; a changeset's thread is for those who see changesets.
            case COMMENTED -> event.changesetId() == null || role.includes(ProjectRole.EDITOR);
        };
    }
}
