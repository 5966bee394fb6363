package org.annals.collab;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the presence rows of this node's open pages fresh and removes everyone's stale ones. Every
 * {@link #HEARTBEAT} one statement marks this node's open pages as seen; rows not seen for
 * {@link #TIMEOUT} (a node that stopped without closing its pages) are deleted by whichever node
 * sweeps first, and their contexts are told. Closing a page deletes its row at once.
 */
@Component
class PresenceKeeper implements AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(PresenceKeeper.class);

    private final PresenceRepository presences;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inTransaction;
    /** This node's open pages: presence id → what it shows and whose it is. */
    private final Map<UUID, Presence> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "annals-presence");
        thread.setDaemon(true);
        return thread;
    });

    private final org.annals.project.ProjectAccess projects;

    PresenceKeeper(PresenceRepository presences, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, org.annals.project.ProjectAccess projects) {
        this.projects = projects;
        this.presences = presences;
        this.events = events;
        this.inTransaction = new TransactionTemplate(transactions);
        timer.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Who has the context open now. */
    List<UUID> present(UUID projectId, UUID contextId) {
        return presences.present(projectId, contextId, Instant.now().minus(TIMEOUT));
    }

    /** The context's open pages that have a selection now. */
    List<Presence> selecting(UUID projectId, UUID contextId) {
        return presences.selecting(projectId, contextId, Instant.now().minus(TIMEOUT));
    }

    /** One of this node's open pages, if it is still open. */
    Optional<Presence> openPage(UUID presenceId) {
        return Optional.ofNullable(open.get(presenceId));
    }

    /**
     * Stores the page's selection (in the caller's transaction) and announces it, unless it is the one
     * already stored: a page that reports the same selection again costs nothing.
     */
    void select(Presence page, @Nullable Integer start, @Nullable Integer end) {
        synchronized (page) {
            if (Objects.equals(page.getSelectionStart(), start) && Objects.equals(page.getSelectionEnd(), end)) {
                return;
            }
            page.setSelection(start, end);
        }
        presences.select(page.getId(), start, end);
        events.publishEvent(new PresenceChanged(page.getProjectId(), page.getContextId(), page.getUserId()));
    }

    /** Records an open page (in the caller's transaction) and keeps it fresh until {@link #leave}. */
    UUID enter(UUID projectId, UUID contextId, UUID userId) {
        Presence presence = presences.save(new Presence(UUID.randomUUID(), projectId, contextId, userId, Instant.now()));
        events.publishEvent(new PresenceChanged(projectId, contextId, userId));
        open.put(presence.getId(), presence);
        return presence.getId();
    }

    /** The page closed: its row goes now, in a transaction of its own (the page may close with its session). */
    void leave(UUID presenceId) {
        open.remove(presenceId);
        inTransaction.executeWithoutResult(status -> presences.findById(presenceId).ifPresent(p -> {
            presences.delete(p);
            events.publishEvent(new PresenceChanged(p.getProjectId(), p.getContextId(), p.getUserId()));
        }));
    }

    private void beat() {
        try {
            Instant now = Instant.now();
            if (!open.isEmpty()) {
                inTransaction.executeWithoutResult(status -> {
                    Set<UUID> ids = Set.copyOf(open.keySet());
                    if (presences.touch(ids, now) < ids.size()) {
                        restore(ids, now);
                    }
                });
            }
            sweep(now);
        } catch (RuntimeException e) {
            log.warn("Presence: could not refresh open pages ({})", e.getMessage());
        }
    }

    /**
     * Some open pages lost their rows (the database was out of reach for longer than the timeout and
     * another node swept them): they are written again, so that the pages count as present.
     */
    private void restore(Set<UUID> ids, Instant now) {
        Set<UUID> stored = Set.copyOf(presences.findAllById(ids).stream().map(Presence::getId).toList());
        for (UUID id : ids) {
            Presence lost = open.get(id);
            if (lost != null && !stored.contains(id) && !projects.exists(lost.getProjectId())) {
                // The project was deleted with its rows while the page was open (it is leaving): not written again.
                open.remove(id);
            } else if (lost != null && !stored.contains(id)) {
                var again = new Presence(id, lost.getProjectId(), lost.getContextId(), lost.getUserId(), now);
                again.setSelection(lost.getSelectionStart(), lost.getSelectionEnd());
                presences.save(again);
                events.publishEvent(new PresenceChanged(lost.getProjectId(), lost.getContextId(), lost.getUserId()));
            }
        }
    }

    /** Deletes rows not seen since {@code now - TIMEOUT} and tells their contexts. */
    void sweep(Instant now) {
        inTransaction.executeWithoutResult(status -> {
            // This node's own pages are open by definition, however long the database was away.
            List<Presence> stale = presences.findBySeenAtBefore(now.minus(TIMEOUT)).stream()
                    .filter(p -> !open.containsKey(p.getId())).toList();
            if (stale.isEmpty()) {
                return;
            }
            presences.deleteByIds(stale.stream().map(Presence::getId).toList());
            stale.forEach(p -> events.publishEvent(new PresenceChanged(p.getProjectId(), p.getContextId(),
                    p.getUserId())));
        });
    }

    @PreDestroy
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
