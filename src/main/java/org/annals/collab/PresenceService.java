package org.annals.collab;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.annals.account.UserDirectory;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who else has a context (a source) open. Opening a page records the person's presence, closing the
 * handle removes it; both are announced on the collab bus ({@link CollabEvent.Kind#PRESENCE}), on
 * every node, so open pages redraw their list. Members with any role see each other; nobody else
 * learns anything. Stored in the database, so that it holds across nodes and ages out when a node
 * stops (see {@link PresenceKeeper}).
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class PresenceService {

    private final ProjectAccess access;
    private final PresenceKeeper keeper;
    private final UserDirectory users;

    PresenceService(ProjectAccess access, PresenceKeeper keeper, UserDirectory users) {
        this.access = access;
        this.keeper = keeper;
        this.users = users;
    }

    /** One person with a page open on the context. */
    public record Viewer(UUID userId, String name) {
    }

    /** Records that the caller has the context open until the handle is closed (closing twice is harmless). */
    public Subscription enter(UUID projectId, UUID contextId) {
        access.require(projectId, ProjectRole.VIEWER);
        UUID id = keeper.enter(projectId, contextId, CurrentUser.require().userId());
        var closed = new AtomicBoolean();
        // Closing needs no signed-in caller: a page may close when its session ends.
        return () -> {
            if (closed.compareAndSet(false, true)) {
                keeper.leave(id);
            }
        };
    }

    /** Everyone with the context open now, the caller included, by name. */
    @Transactional(readOnly = true)
    public List<Viewer> present(UUID projectId, UUID contextId) {
        access.require(projectId, ProjectRole.VIEWER);
        return keeper.present(projectId, contextId).stream()
                .map(users::find)
                .flatMap(java.util.Optional::stream)
                .map(u -> new Viewer(u.id(), u.displayName()))
                .sorted(Comparator.comparing(Viewer::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Viewer::userId))
                .toList();
    }
}
