package org.annals.review;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.review.ChangesetActivity.Activity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Which open changesets a changeset waits for, for every kind of record at once (decision 0023): B
 * depends on A when B's operations refer to a record that an operation of A creates. Worked out from
 * the kinds' declared {@link RecordType#references references}, with one query per kind of reference
 * however many operations the changeset has, and kept in {@code changeset_dependency} so that review
 * can also show the other direction ("needed by") and a rejection can find who relied on it.
 */
@Component
class ChangesetDependencies {

    /** Ids per query: well below every database's limit on bind parameters. */
    private static final int CHUNK = 500;

    private final ChangesetDependencyRepository dependencies;
    private final ChangeOperationRepository operations;
    private final ChangesetCommentRepository comments;
    private final RecordTypes types;
    private final ChangesetAnnouncer announcer;
    private final ApplicationEventPublisher events;

    ChangesetDependencies(ChangesetDependencyRepository dependencies, ChangeOperationRepository operations,
            ChangesetCommentRepository comments, RecordTypes types, ChangesetAnnouncer announcer,
            ApplicationEventPublisher events) {
        this.dependencies = dependencies;
        this.operations = operations;
        this.comments = comments;
        this.types = types;
        this.announcer = announcer;
        this.events = events;
    }

    /**
     * The open changesets that create records these operations (all of one changeset) refer to, in
     * the order they were made. Records the changeset creates itself do not count.
     */
    List<Changeset> direct(Changeset changeset, Collection<ChangeOperation> ops) {
        Set<RecordRef> references = new HashSet<>();
        for (ChangeOperation op : ops) {
            if (op.getPayload() != null && op.getAction() != ChangeAction.DELETE) {
                references.addAll(references(types.get(op.getRecordKind()), op.getPayload()));
            }
        }
        return direct(changeset, references);
    }

    /**
     * The open changesets other than this one that create any of these records (references to other
     * targets, such as sources, are ignored). Records this changeset creates itself never count: the
     * query leaves the changeset out.
     */
    private List<Changeset> direct(Changeset changeset, Set<RecordRef> references) {
        Map<String, Set<UUID>> referenced = new LinkedHashMap<>();
        for (RecordRef ref : references) {
            if (types.isRecordKind(ref.kind())) {
                referenced.computeIfAbsent(ref.kind(), kind -> new HashSet<>()).add(ref.id());
            }
        }
        var found = new LinkedHashMap<UUID, Changeset>();
        referenced.forEach((kind, ids) -> {
            var list = new ArrayList<>(ids);
            for (int from = 0; from < list.size(); from += CHUNK) {
                for (Object[] row : operations.findOpenCreators(changeset.getProjectId(), kind,
                        list.subList(from, Math.min(list.size(), from + CHUNK)), ChangesetService.OPEN,
                        changeset.getId())) {
                    Changeset creator = (Changeset) row[1];
                    found.putIfAbsent(creator.getId(), creator);
                }
            }
        });
        return found.values().stream()
                .sorted(java.util.Comparator.comparing(Changeset::getCreatedAt).thenComparing(Changeset::getId))
                .toList();
    }

    private <P> Set<RecordRef> references(RecordType<P> type, String payload) {
        return type.references(types.read(type, payload));
    }

    /**
     * Works out and keeps what the changeset waits for, from all of its operations (on submission:
     * what was kept while it was edited may include what it no longer uses).
     */
    void update(Changeset changeset, Collection<ChangeOperation> ops) {
        replace(changeset, direct(changeset, ops));
    }

    /**
     * Keeps what the changeset waits for, given every reference of all its operations (as the check of
     * references on proposal collected them, so nothing is read again).
     */
    void update(Changeset changeset, Set<RecordRef> allReferences) {
        replace(changeset, direct(changeset, allReferences));
    }

    /**
     * Adds what some new or replaced operations of the changeset wait for to what is kept: adding the
     * 500th operation to a draft costs what adding the first did. What the replaced ones waited for
     * stays until submission works it out again in full; approval never relies on what is kept.
     */
    void add(Changeset changeset, Set<RecordRef> references) {
        List<Changeset> direct = direct(changeset, references);
        refuseCycle(changeset, direct);
        Set<UUID> kept = new HashSet<>();
        dependencies.findOpenDependencies(List.of(changeset.getId()), ChangesetService.OPEN)
                .forEach(row -> kept.add(((Changeset) row[1]).getId()));
        dependencies.saveAll(direct.stream().filter(a -> !kept.contains(a.getId()))
                .map(a -> new ChangesetDependency(changeset.getId(), a.getId())).toList());
    }

    /**
     * Replaces what is kept. Refuses, with the changesets named, a change that would make changesets
     * wait for each other in a circle: none of them could ever be approved.
     */
    private void replace(Changeset changeset, List<Changeset> direct) {
        refuseCycle(changeset, direct);
        dependencies.deleteByChangesetId(changeset.getId());
        dependencies.flush();
        dependencies.saveAll(direct.stream().map(a -> new ChangesetDependency(changeset.getId(), a.getId())).toList());
    }

    private void refuseCycle(Changeset changeset, List<Changeset> direct) {
        // Breadth first over what is kept, one query per step: who waits for whom, remembering the way back.
        Map<UUID, Changeset> reachedFrom = new HashMap<>();
        Map<UUID, Changeset> byId = new HashMap<>();
        Set<UUID> frontier = new LinkedHashSet<>();
        for (Changeset a : direct) {
            byId.put(a.getId(), a);
            frontier.add(a.getId());
        }
        Set<UUID> seen = new HashSet<>(frontier);
        while (!frontier.isEmpty()) {
            Set<UUID> next = new LinkedHashSet<>();
            for (Object[] row : dependencies.findOpenDependencies(frontier, ChangesetService.OPEN)) {
                UUID waiting = (UUID) row[0];
                Changeset awaited = (Changeset) row[1];
                if (awaited.getId().equals(changeset.getId())) {
                    throw new InvalidInputException(cycleMessage(byId.get(waiting), reachedFrom, byId));
                }
                if (seen.add(awaited.getId())) {
                    byId.put(awaited.getId(), awaited);
                    reachedFrom.put(awaited.getId(), byId.get(waiting));
                    next.add(awaited.getId());
                }
            }
            frontier = next;
        }
    }

    private static String cycleMessage(Changeset last, Map<UUID, Changeset> reachedFrom, Map<UUID, Changeset> byId) {
        var chain = new ArrayDeque<String>();
        for (Changeset c = last; c != null; c = reachedFrom.get(c.getId())) {
            chain.addFirst("\"" + c.getMessage() + "\"");
        }
        return "This would make changesets wait for each other in a circle, so none of them could be approved:"
                + " this one uses records created by " + String.join(", which uses records created by ", chain)
                + ", which uses records created by this one. Put the records that refer to each other into one"
                + " changeset.";
    }

    /** The open changesets this one waits for, directly, as kept. */
    List<Changeset> openDependencies(UUID changesetId) {
        return dependencies.findOpenDependencies(List.of(changesetId), ChangesetService.OPEN).stream()
                .map(row -> (Changeset) row[1]).toList();
    }

    /** The open changesets that wait for this one, as kept. */
    List<Changeset> openDependents(UUID changesetId) {
        return dependencies.findOpenDependents(changesetId, ChangesetService.OPEN);
    }

    /**
     * Everything that must be approved for this changeset to be approved, worked out again from the
     * operations as they are now (what is kept may lag behind an edit of a dependency), dependencies
     * before those that need them; the changeset itself last.
     */
    List<Changeset> approvalOrder(Changeset changeset) {
        var order = new LinkedHashMap<UUID, Changeset>();
        visit(changeset, order, new HashSet<>());
        return List.copyOf(order.values());
    }

    private void visit(Changeset changeset, Map<UUID, Changeset> order, Set<UUID> onPath) {
        if (order.containsKey(changeset.getId())) {
            return;
        }
        if (!onPath.add(changeset.getId())) {
            throw new InvalidInputException("The changesets \"" + changeset.getMessage() + "\" and those it uses wait"
                    + " for each other in a circle: their authors must put those records into one changeset.");
        }
        for (Changeset dependency : direct(changeset, operations.findByChangesetIdOrderByOrdinal(changeset.getId()))) {
            visit(dependency, order, onPath);
        }
        onPath.remove(changeset.getId());
        order.put(changeset.getId(), changeset);
    }

    /**
     * A changeset was rejected or withdrawn: those that used its new records cannot be approved any
     * more. The submitted ones go back to their authors as "changes requested", every one gets a
     * comment saying why, and their authors are told.
     */
    void dependencyClosed(Changeset closed, String why, UUID actorId, Instant now) {
        for (Changeset dependent : openDependents(closed.getId())) {
            String reason = "This changeset uses records created by \"" + closed.getMessage() + "\", which was "
                    + why + ". Choose other records (or propose them again here), then submit again.";
            if (dependent.getState() == ChangesetState.SUBMITTED) {
                dependent.decide(ChangesetState.CHANGES_REQUESTED, actorId, reason, now);
                events.publishEvent(new ChangesetDecided(dependent.getId(), dependent.getProjectId(),
                        dependent.getAuthorId(), actorId, ChangesetState.CHANGES_REQUESTED, dependent.getMessage()));
                announcer.announce(dependent, Activity.CHANGES_REQUESTED, actorId);
            }
            comments.save(new ChangesetComment(dependent.getId(), actorId, reason, now));
        }
    }
}
