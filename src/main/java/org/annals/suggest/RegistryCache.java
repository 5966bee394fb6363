package org.annals.suggest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.annals.collab.CollabBus;
import org.annals.collab.CollabEvent;
import org.annals.collab.Subscription;
import org.annals.entity.EntityDirectory;
import org.annals.entity.EntityRecordType;
import org.annals.project.ProjectDeleted;
import org.annals.review.ChangesetActivity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The compiled registry of each project (vetted entities, merged ones left out), built once per registry version
 * and shared by every editor of the project (decision 0031). A project's version moves on when an approval
 * touches an entity (created, changed, merged, deleted): on this node as soon as the approval commits, on the
 * others when the collab bus brings the approval (or a RESYNC). A few projects are kept, the least recently used
 * going first; compiling a registry of 100,000 aliases takes a moment, matching with it does not.
 */
@Component
class RegistryCache {

    /** Projects whose compiled registry is kept; a 100,000-alias registry weighs tens of megabytes. */
    static final int MAX_PROJECTS = 8;
    /** Approvals already counted on this node, so that the bus's echo of them does not count them twice. */
    private static final int REMEMBERED_APPROVALS = 1_000;

    private final EntityDirectory entities;
    private final CollabBus bus;
    private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<UUID, Object> compileLocks = new ConcurrentHashMap<>();
    /** Guarded by itself. */
    private final LinkedHashMap<UUID, Compiled> compiled = new LinkedHashMap<>(16, 0.75f, true);
    /** Guarded by {@link #compiled}. */
    private final Map<UUID, Subscription> subscriptions = new HashMap<>();
    private final Set<UUID> countedApprovals = java.util.Collections.newSetFromMap(java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                    return size() > REMEMBERED_APPROVALS;
                }
            }));

    RegistryCache(EntityDirectory entities, CollabBus bus) {
        this.entities = entities;
        this.bus = bus;
    }

    /** The project's registry as compiled for its current version, with the version. */
    record Compiled(long version, RegistryMatcher matcher, Map<UUID, RegistryEntry> entries) {

        @Nullable RegistryEntry entry(UUID entityId) {
            return entries.get(entityId);
        }
    }

    /** The project's current registry version: part of every cache key built on the registry. */
    long version(UUID projectId) {
        return versions.computeIfAbsent(projectId, id -> new AtomicLong()).get();
    }

    /**
     * The project's registry, compiled now if its version moved on since (the caller's project role was checked:
     * the directory checks it again).
     */
    Compiled registry(UUID projectId) {
        long version = version(projectId);
        Compiled cached = cached(projectId, version);
        if (cached != null) {
            return cached;
        }
        // One compilation per project at a time: the others wait for it rather than each building their own.
        synchronized (compileLocks.computeIfAbsent(projectId, id -> new Object())) {
            version = version(projectId);
            cached = cached(projectId, version);
            if (cached != null) {
                return cached;
            }
            var entries = new LinkedHashMap<UUID, RegistryEntry>();
            for (EntityDirectory.Described e : entities.describedRegistry(projectId)) {
                entries.put(e.id(), new RegistryEntry(e.id(), e.kind(), e.name(), e.aliases(), e.description(),
                        e.partOf(), true));
            }
            var fresh = new Compiled(version, RegistryMatcher.of(entries.values()), Map.copyOf(entries));
            keep(projectId, fresh);
            return fresh;
        }
    }

    private @Nullable Compiled cached(UUID projectId, long version) {
        synchronized (compiled) {
            Compiled found = compiled.get(projectId);
            return found != null && found.version() == version ? found : null;
        }
    }

    private void keep(UUID projectId, Compiled fresh) {
        var closing = new java.util.ArrayList<Subscription>();
        synchronized (compiled) {
            compiled.put(projectId, fresh);
            if (!subscriptions.containsKey(projectId)) {
                subscriptions.put(projectId, bus.observe(projectId, this::onBus));
            }
            var eldest = compiled.keySet().iterator();
            while (compiled.size() > MAX_PROJECTS && eldest.hasNext()) {
                UUID dropped = eldest.next();
                eldest.remove();
                Subscription subscription = subscriptions.remove(dropped);
                if (subscription != null) {
                    closing.add(subscription);
                }
            }
        }
        closing.forEach(Subscription::close);
    }

    /** Approvals and resyncs from any node: the registry may have changed. */
    private void onBus(List<CollabEvent> batch) {
        for (CollabEvent event : batch) {
            if (event.kind() == CollabEvent.Kind.PROJECT_DELETED) {
                forget(event.projectId());
            } else if (SuggestionEvents.changesVettedRegistry(event)
                    && (event.changesetId() == null || countedApprovals.add(event.changesetId()))) {
                advance(event.projectId());
            }
        }
    }

    /** An approval that touched entities, committed on this node: the next reader compiles the registry again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void approved(ChangesetActivity activity) {
        if (activity.activity() == ChangesetActivity.Activity.APPROVED
                && activity.records().stream().anyMatch(r -> EntityRecordType.KIND.equals(r.kind()))
                && countedApprovals.add(activity.changesetId())) {
            advance(activity.projectId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void projectDeleted(ProjectDeleted deleted) {
        forget(deleted.projectId());
    }

    /** Open editors learn that names were refused or allowed again, on every node. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void suggestionsChanged(SuggestionsChanged changed) {
        bus.publish(new CollabEvent(changed.projectId(), CollabEvent.Kind.SUGGESTIONS_CHANGED, null, Set.of(), Set.of(),
                changed.actorId(), false));
    }

    private void advance(UUID projectId) {
        versions.computeIfAbsent(projectId, id -> new AtomicLong()).incrementAndGet();
    }

    private void forget(UUID projectId) {
        Subscription subscription;
        synchronized (compiled) {
            compiled.remove(projectId);
            subscription = subscriptions.remove(projectId);
        }
        advance(projectId);
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Projects whose registry is compiled now (for tests and the performance notes). */
    int compiledProjects() {
        synchronized (compiled) {
            return compiled.size();
        }
    }
}
