package org.annals.collab.ui;

import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.collab.CollabService;
import org.annals.collab.PresenceService;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * "Also here": the avatars of the other people who have the same context (a source) open. While it is
 * attached it counts the viewer as present, and it redraws when someone comes or goes (on any node).
 * It shows nothing when the viewer is alone; the viewer's own other tabs do not count.
 */
public final class PresenceBar extends Div {

    private static final int MOST_AVATARS = 6;

    private final PresenceService presence;
    private final LiveRefresh live;
    private final AvatarGroup avatars = new AvatarGroup();
    private @Nullable UUID projectId;
    private @Nullable UUID contextId;
    private PresenceService.@Nullable OpenPage here;
    /** The names last drawn, so that an event that changed nothing here (someone's selection) redraws nothing. */
    private @Nullable List<PresenceService.Viewer> drawn;

    public PresenceBar(PresenceService presence, CollabService collab) {
        this.presence = presence;
        this.live = LiveRefresh.of(this, collab);
        addClassName("presence-bar");
        avatars.setMaxItemsVisible(MOST_AVATARS);
        add(new Span("Also here:"), avatars);
        setVisible(false);
        addAttachListener(e -> enter());
        addDetachListener(e -> leave());
    }

    /** Shows (and counts the viewer in) this context from now on. */
    public void show(UUID projectId, UUID contextId) {
        leave();
        this.projectId = projectId;
        this.contextId = contextId;
        // The viewer's own comings, goings and selections never change who else is here.
        UUID me = CurrentUser.require().userId();
        live.follow(projectId, event -> event.changesPresenceIn(contextId) && !me.equals(event.actorId()),
                events -> refresh());
        if (isAttached()) {
            enter();
        }
    }

    /**
     * Shares the viewer's selection in the shown context, [start, end) in its text, with the others
     * here; the caller has checked it against the text. Nothing happens while the bar is not attached.
     * The browser sends at most about three a second; a page that sends more (a modified client) is
     * held to one stored selection per {@link #SELECTION_INTERVAL}, the last one winning, because each
     * is a database write and an event to every open page on the context.
     */
    public void shareSelection(int start, int end) {
        throttledShare(new Wanted(start, end));
    }

    /** The viewer no longer has anything selected. */
    public void clearSelection() {
        throttledShare(Wanted.NOTHING);
    }

    static final java.time.Duration SELECTION_INTERVAL = java.time.Duration.ofMillis(200);

    /** A selection to store, or {@link #NOTHING} selected. */
    private record Wanted(int start, int end) {
        static final Wanted NOTHING = new Wanted(-1, -1);
    }

    private long lastSharedAt = System.nanoTime() - SELECTION_INTERVAL.toNanos();
    /** What to store once the interval is over; null when nothing waits. */
    private @Nullable Wanted waiting;

    private void throttledShare(Wanted wanted) {
        long now = System.nanoTime();
        long wait = lastSharedAt + SELECTION_INTERVAL.toNanos() - now;
        if (wait <= 0) {
            store(wanted, now);
            return;
        }
        boolean scheduled = waiting != null;
        waiting = wanted;
        if (!scheduled) {
            getUI().ifPresent(ui -> Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(java.time.Duration.ofNanos(wait));
                    ui.access(() -> {
                        Wanted latest = waiting;
                        waiting = null;
                        if (latest != null) {
                            store(latest, System.nanoTime());
                        }
                    });
                } catch (InterruptedException | com.vaadin.flow.component.UIDetachedException closed) {
                    // The page went away: its presence row, selection included, goes with it.
                }
            }));
        }
    }

    private void store(Wanted wanted, long at) {
        PresenceService.OpenPage open = here;
        if (open == null) {
            return;
        }
        lastSharedAt = at;
        if (Wanted.NOTHING.equals(wanted)) {
            presence.clearSelection(open);
        } else {
            presence.select(open, wanted.start(), wanted.end());
        }
    }

    private void enter() {
        if (projectId == null || contextId == null || here != null) {
            return;
        }
        here = presence.enter(projectId, contextId);
        refresh();
    }

    private void leave() {
        PresenceService.OpenPage open = here;
        here = null;
        if (open != null) {
            open.close();
        }
    }

    private void refresh() {
        if (projectId == null || contextId == null) {
            return;
        }
        UUID me = CurrentUser.require().userId();
        List<PresenceService.Viewer> others = presence.present(projectId, contextId).stream()
                .filter(v -> !v.userId().equals(me)).toList();
        if (others.equals(drawn)) {
            return;
        }
        drawn = others;
        avatars.setItems(others.stream().map(v -> new AvatarGroupItem(v.name())).toList());
        String names = others.stream().map(PresenceService.Viewer::name).collect(Collectors.joining(", "));
        getElement().setAttribute("aria-label", others.isEmpty() ? "Nobody else is here" : "Also here: " + names);
        getElement().setAttribute("title", names);
        getElement().setAttribute("data-users",
                others.stream().map(v -> v.userId().toString()).collect(Collectors.joining(" ")));
        setVisible(!others.isEmpty());
    }
}
