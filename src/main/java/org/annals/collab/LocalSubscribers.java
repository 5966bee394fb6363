package org.annals.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers on this node, by project, and their delivery. Publishing only queues the event for
 * each subscriber of its project and never waits for one; a small pool of threads delivers, at most
 * one task per subscriber at a time, so each subscriber sees its events in order and all that piled
 * up while it was busy in one batch. A batch larger than {@link #MAX_BATCH} is coalesced into one
 * {@link CollabEvent.Kind#RESYNC}: a flood costs a subscriber one reload and bounded memory.
 */
final class LocalSubscribers implements AutoCloseable {

    static final int MAX_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(LocalSubscribers.class);

    private final ConcurrentHashMap<UUID, Set<Subscriber>> byProject = new ConcurrentHashMap<>();
    private final ExecutorService delivery;

    LocalSubscribers(int threads) {
        var counter = new AtomicInteger();
        this.delivery = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "annals-collab-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Subscription subscribe(UUID projectId, CollabListener listener) {
        return subscribe(projectId, listener, true);
    }

    /** {@code page} false: a node's own observer (a cache), not counted among the project's open pages. */
    Subscription subscribe(UUID projectId, CollabListener listener, boolean page) {
        var subscriber = new Subscriber(projectId, listener, page);
        byProject.computeIfAbsent(projectId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return subscriber::close;
    }

    void deliver(CollabEvent event) {
        // Numbered before it is queued anywhere: a page that read after this number was taken has seen the change.
        long number = PublishClock.next();
        Set<Subscriber> subscribers = byProject.get(event.projectId());
        if (subscribers != null) {
            subscribers.forEach(s -> s.offer(new Numbered(event, number)));
        }
    }

    /** An event with its {@link PublishClock} number. */
    private record Numbered(CollabEvent event, long number) {
    }

    /** Tells every subscriber that events may have been missed (the bus lost its connection). */
    void resyncAll() {
        byProject.forEach((projectId, subscribers) -> {
            var resync = new Numbered(CollabEvent.resync(projectId), PublishClock.UNKNOWN);
            subscribers.forEach(s -> s.offer(resync));
        });
    }

    int count(UUID projectId) {
        Set<Subscriber> subscribers = byProject.get(projectId);
        return subscribers == null ? 0 : (int) subscribers.stream().filter(s -> s.page).count();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Subscriber {
        private final UUID projectId;
        private final CollabListener listener;
        private final Queue<Numbered> pending = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean overflowed = new AtomicBoolean();
        private final boolean page;
        private volatile boolean closed;

        Subscriber(UUID projectId, CollabListener listener, boolean page) {
            this.projectId = projectId;
            this.listener = listener;
            this.page = page;
        }

        void offer(Numbered event) {
            if (closed) {
                return;
            }
            if (!overflowed.get()) {
                if (size.incrementAndGet() > MAX_BATCH) {
                    // Far behind: the queued events no longer matter one by one; one resync replaces them
                    // all, and later ones until it is delivered are dropped (it covers them too).
                    size.decrementAndGet();
                    overflowed.set(true);
                } else {
                    pending.add(event);
                }
            }
            schedule();
        }

        private List<Numbered> drainPending() {
            var batch = new ArrayList<Numbered>();
            for (Numbered e = pending.poll(); e != null; e = pending.poll()) {
                size.decrementAndGet();
                batch.add(e);
            }
            return batch;
        }

        private void schedule() {
            if (!closed && scheduled.compareAndSet(false, true)) {
                try {
                    delivery.execute(this::run);
                } catch (RejectedExecutionException shuttingDown) {
                    scheduled.set(false);
                }
            }
        }

        private void run() {
            try {
                List<Numbered> batch = drainPending();
                if (overflowed.getAndSet(false)) {
                    batch = List.of(new Numbered(CollabEvent.resync(projectId), PublishClock.UNKNOWN));
                }
                if (!batch.isEmpty() && !closed) {
                    List<CollabEvent> events = batch.stream().map(Numbered::event).toList();
                    long upTo = batch.stream().mapToLong(Numbered::number).max().orElse(PublishClock.UNKNOWN);
                    PublishClock.delivering(upTo, () -> listener.onEvents(events));
                }
            } catch (RuntimeException e) {
                log.warn("A live-update listener failed", e);
            } finally {
                scheduled.set(false);
                if (!pending.isEmpty() || overflowed.get()) {
                    schedule();
                }
            }
        }

        void close() {
            closed = true;
            pending.clear();
            byProject.computeIfPresent(projectId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
