package org.annals.collab;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who else has a context (a source) open. Opening a page records the person's presence, closing the
 * handle removes it; both are announced on the collab bus ({@link CollabEvent.Kind#PRESENCE}), on
 * every node, so open pages redraw their list. Members with any role see each other; nobody else
 * learns anything. Stored in the database, so that it holds across nodes and ages out when a node
 * stops (see {@link PresenceKeeper}).
 *
 * <p>An open page may also share what its person has selected in the context's text (offsets only, never
 * the text), so that the others can see where they are working; it is stored on the page's row, goes
 * with it, and every change is announced like a coming or going.
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

    /** Someone else's selection in the context's text: [start, end) in UTF-16 code units. */
    public record Selection(UUID userId, String name, int start, int end) {
    }

    /** One open page of the caller on a context: counted as present until closed (closing twice is harmless). */
    public interface OpenPage extends Subscription {
        /** Which page: the handle stands for its owner's page only, on the node that opened it. */
        UUID id();
    }

    /** Records that the caller has the context open until the handle is closed. */
    public OpenPage enter(UUID projectId, UUID contextId) {
        access.require(projectId, ProjectRole.VIEWER);
        UUID id = keeper.enter(projectId, contextId, CurrentUser.require().userId());
        var closed = new AtomicBoolean();
        return new OpenPage() {
            @Override
            public UUID id() {
                return id;
            }

            // Closing needs no signed-in caller: a page may close when its session ends.
            @Override
            public void close() {
                if (closed.compareAndSet(false, true)) {
                    keeper.leave(id);
                }
            }
        };
    }

    /**
     * Shares the caller's selection on their open page, [start, end) in the context's text, with the
     * others who have the context open. The caller checks the end against the text's length (the
     * context may be any kind of record); here it must at least be a range. The same selection again
     * changes and announces nothing.
     */
    public void select(OpenPage page, int start, int end) {
        Presence open = ownOpenPage(page);
        if (start < 0 || end <= start) {
            throw new InvalidInputException("A selection must start at 0 or later and end after its start.");
        }
        keeper.select(open, start, end);
    }

    /** The caller's page has nothing selected any more. */
    public void clearSelection(OpenPage page) {
        keeper.select(ownOpenPage(page), null, null);
    }

    /** What the people with the context open have selected in it now, the caller's pages included. */
    @Transactional(readOnly = true)
    public List<Selection> selections(UUID projectId, UUID contextId) {
        access.require(projectId, ProjectRole.VIEWER);
        var names = new HashMap<UUID, Optional<String>>();
        return keeper.selecting(projectId, contextId).stream()
                .flatMap(p -> names.computeIfAbsent(p.getUserId(), id -> users.find(id).map(UserSummary::displayName))
                        .map(name -> new Selection(p.getUserId(), name, require(p.getSelectionStart()),
                                require(p.getSelectionEnd())))
                        .stream())
                .sorted(Comparator.comparing(Selection::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Selection::userId).thenComparingInt(Selection::start))
                .toList();
    }

    /** The page behind the handle, if it is still open, the caller's own, and the caller still a member. */
    private Presence ownOpenPage(OpenPage page) {
        Presence open = keeper.openPage(page.id()).orElseThrow(() -> new NotFoundException("Open page"));
        access.require(open.getProjectId(), ProjectRole.VIEWER);
        if (!open.getUserId().equals(CurrentUser.require().userId())) {
            throw new AccessDeniedException("This page is someone else's.");
        }
        return open;
    }

    private static int require(@Nullable Integer offset) {
        if (offset == null) {
            throw new IllegalStateException("A stored selection lacks an end.");
        }
        return offset;
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
