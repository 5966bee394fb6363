package org.annals.collab.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.annals.base.NotFoundException;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.PublishClock;
import org.annals.collab.Subscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Keeps a view subscribed to its project's live updates while it is attached (and only then: detaching
 * closes the subscription, so closed tabs leave nothing behind) and reloads it through its UI when an
 * event concerns it. Events that arrive while a reload is queued are folded into it: a burst costs
 * one reload. The reload runs in {@code UI.access}, so it sees the viewer's session (and their
 * permissions) and server push sends what changed. Every refresh counts in the metric
 * {@value #REFRESHES_METRIC}, so that the cost of live updates on a node can be watched.
 */
public final class LiveRefresh {

    static final String REFRESHES_METRIC = "annals.live.refreshes";
    private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);
    private static final Counter REFRESHES = Metrics.counter(REFRESHES_METRIC);

    private final Component owner;
    private final CollabService collab;
    // Written in the UI; read by bus threads too.
    private volatile @Nullable Target target;
    private volatile @Nullable Subscription subscription;
    /** See {@link #covered}: events up to this number that match {@code coveredWhat} need no refresh. */
    private volatile long coveredUpTo = -1;
    private volatile Predicate<CollabEvent> coveredWhat = event -> false;

    /** An event as delivered, with the {@link PublishClock} number of its batch. */
    private record Delivered(CollabEvent event, long number) {
    }

    /** What is followed: a project and which of its events concern the view, and what to do with them. */
    private record Target(UUID projectId, Predicate<CollabEvent> concerns, Consumer<List<CollabEvent>> refresh) {
    }

    private LiveRefresh(Component owner, CollabService collab) {
        this.owner = owner;
        this.collab = collab;
        owner.addAttachListener(e -> subscribe(e.getUI()));
        owner.addDetachListener(e -> unsubscribe());
    }

    /** Live updates for this component while it is attached; call {@link #follow} to say for what. */
    public static LiveRefresh of(Component owner, CollabService collab) {
        return new LiveRefresh(owner, collab);
    }

    /**
     * Follows a project (again, when the view shows another one). {@code concerns} runs on a bus thread
     * and must only read what it captured; {@code refresh} runs in the UI with the events that concerned
     * the view since the last refresh.
     */
    public void follow(UUID projectId, Predicate<CollabEvent> concerns, Consumer<List<CollabEvent>> refresh) {
        target = new Target(projectId, concerns, refresh);
        owner.getUI().ifPresent(this::subscribe);
    }

    /**
     * Where this node's live updates stand now ({@link PublishClock#now}): taken by a view just before it reads
     * everything it shows again after a change it made itself, and then given to {@link #covered}.
     */
    public long mark() {
        return PublishClock.now();
    }

    /**
     * The view has read, after {@code mark}, everything that events matching {@code what} make it read: such events
     * published up to {@code mark} (its own change's among them, which reaches the view through the bus while the
     * same request is still running) are left out of later refreshes. Without this the editor's Save read the
     * source's annotations and the draft a second time for its own event (issue 21). Events published later, events
     * of unknown order (a resync) and everything else are delivered as before.
     */
    public void covered(long mark, Predicate<CollabEvent> what) {
        if (mark > coveredUpTo) {
            coveredUpTo = mark;
        }
        coveredWhat = what;
    }

    /** Stops following (the view shows nothing live any more). */
    public void stop() {
        target = null;
        unsubscribe();
    }

    private void subscribe(UI ui) {
        unsubscribe();
        Target followed = target;
        if (followed == null) {
            return;
        }
        var queued = new ConcurrentLinkedQueue<Delivered>();
        var scheduled = new AtomicBoolean();
        subscription = collab.subscribe(followed.projectId(), followed.concerns(), relevant -> {
            long number = PublishClock.ofDelivery();
            relevant.forEach(e -> queued.add(new Delivered(e, number)));
            if (!scheduled.compareAndSet(false, true)) {
                return;
            }
            try {
                ui.access(() -> {
                    scheduled.set(false);
                    var events = new ArrayList<CollabEvent>();
                    long upTo = coveredUpTo;
                    Predicate<CollabEvent> what = coveredWhat;
                    for (Delivered d = queued.poll(); d != null; d = queued.poll()) {
                        if (d.number() > upTo || !what.test(d.event())) {
                            events.add(d.event());
                        }
                    }
                    if (target != followed || events.isEmpty()) {
                        return;
                    }
                    try {
                        REFRESHES.increment();
                        followed.refresh().accept(List.copyOf(events));
                    } catch (NotFoundException | AccessDeniedException lostAccess) {
                        // The person may no longer see this; the next navigation shows why.
                        stop();
                    }
                });
            } catch (UIDetachedException closed) {
                unsubscribeQuietly();
            }
        });
    }

    private void unsubscribeQuietly() {
        try {
            unsubscribe();
        } catch (RuntimeException e) {
            log.debug("Could not close a live-update subscription", e);
        }
    }

    private void unsubscribe() {
        Subscription open = subscription;
        subscription = null;
        if (open != null) {
            open.close();
        }
    }
}
