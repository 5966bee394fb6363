package org.annals.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's working draft in a project: the one changeset in state DRAFT where everything they mark
 * in any source, every new record and every edit goes until they submit it (decision 24). It is found
 * or started on the first change; items are its operations, one per record. Removing an item removes
 * exactly its operation, and never leaves another item pointing to a record that is no longer
 * proposed; splitting moves chosen items (with the new records they need) into a changeset of their
 * own. Older drafts (from before there was one per project, or split off on purpose) stay ordinary
 * drafts under "My changes".
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class WorkingDraftService {

    /** What a working draft is called until the person describes it when submitting. */
    public static final String DEFAULT_MESSAGE = "My draft";

    private final ProjectAccess access;
    private final ChangesetRepository changesets;
    private final ChangeOperationRepository operations;
    private final ChangesetService engine;
    private final RecordTypes types;

    WorkingDraftService(ProjectAccess access, ChangesetRepository changesets, ChangeOperationRepository operations,
            ChangesetService engine, RecordTypes types) {
        this.access = access;
        this.changesets = changesets;
        this.operations = operations;
        this.engine = engine;
        this.types = types;
    }

    /** The caller's working draft in the project, or empty when they have none (nothing in it yet). */
    @Transactional(readOnly = true)
    public Optional<Overview> overview(UUID projectId) {
        access.require(projectId, ProjectRole.EDITOR);
        return mine(projectId).map(d -> new Overview(d.getId(), d.getMessage(),
                operations.countByChangesetId(d.getId()), d.getUpdatedAt()));
    }

    /** The working draft in a few words: its changeset, the message it will be submitted with, its size. */
    public record Overview(UUID changesetId, String message, long size, Instant updatedAt) {
    }

    /**
     * Adds operations to the caller's working draft, starting it (with {@code messageIfNew}) when there is
     * none. An operation on a record the draft already changes replaces that one in its place. Returns
     * the draft's changeset.
     */
    public UUID add(UUID projectId, String messageIfNew, List<ProposedOperation> proposed) {
        access.require(projectId, ProjectRole.EDITOR);
        Optional<Changeset> draft = mine(projectId);
        if (draft.isPresent()) {
            engine.amend(draft.get().getId(), proposed, Set.of());
            return draft.get().getId();
        }
        UUID id = engine.propose(projectId, messageIfNew.isBlank() ? DEFAULT_MESSAGE : messageIfNew, proposed, false);
        Changeset started = changesets.findById(id).orElseThrow();
        started.makeWorkingDraft();
        try {
            changesets.saveAndFlush(started);
        } catch (DataIntegrityViolationException startedTwice) {
            // The unique index: another request of the same person started one at the same moment.
            throw new InvalidInputException("Your draft was being started at the same moment elsewhere (another tab?)."
                    + " Nothing was added: do it again and it goes into that draft.");
        }
        return id;
    }

    /** One page of the working draft's items in the order they were added; empty without a draft. */
    @Transactional(readOnly = true)
    public List<DraftItem> items(UUID projectId, int offset, int limit) {
        access.require(projectId, ProjectRole.EDITOR);
        Optional<Changeset> draft = mine(projectId);
        if (draft.isEmpty()) {
            return List.of();
        }
        int size = Math.clamp(limit, 1, ChangesetService.MAX_OPERATIONS);
        int from = Math.max(0, offset);
        // Lists ask for aligned pages; anything else reads from the start and skips.
        var page = from % size == 0 ? PageRequest.of(from / size, size) : PageRequest.of(0, from + size);
        return operations.findItems(draft.get().getId(), page).stream()
                .skip(from % size == 0 ? 0 : from)
                .map(this::item)
                .toList();
    }

    /** How many items the working draft holds (0 without one). */
    @Transactional(readOnly = true)
    public long count(UUID projectId) {
        access.require(projectId, ProjectRole.EDITOR);
        return mine(projectId).map(d -> operations.countByChangesetId(d.getId())).orElse(0L);
    }

    /**
     * The other items of the working draft that would be left pointing to nothing if these were removed:
     * those that refer to a record one of them creates, and so on (an annotation linked to a new event
     * that names a new place, when the place goes). Empty when the items can go alone.
     */
    @Transactional(readOnly = true)
    public List<DraftItem> dependents(UUID projectId, Collection<UUID> recordIds) {
        Changeset draft = required(projectId);
        List<ChangeOperation> ops = operations.findByChangesetIdOrderByOrdinal(draft.getId());
        return dependentsOf(ops, Set.copyOf(recordIds)).stream().map(this::item).toList();
    }

    /**
     * Removes the items on these records from the working draft: exactly their operations. When other
     * items use a record they create, nothing is removed and the message names those items, unless
     * {@code withDependents}, which removes those too. A record created here that another open changeset
     * uses is never removed. A draft left empty is withdrawn. Returns what was removed.
     */
    public List<DraftItem> remove(UUID projectId, Collection<UUID> recordIds, boolean withDependents) {
        Changeset draft = required(projectId);
        List<ChangeOperation> ops = operations.findByChangesetIdOrderByOrdinal(draft.getId());
        Set<UUID> chosen = ops.stream().map(ChangeOperation::getRecordId).filter(recordIds::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (chosen.isEmpty()) {
            throw new InvalidInputException("That item is no longer in your draft.");
        }
        List<ChangeOperation> dependents = dependentsOf(ops, chosen);
        if (!dependents.isEmpty() && !withDependents) {
            throw new InvalidInputException(labels(ops, chosen) + (chosen.size() == 1 ? " is" : " are") + " used by "
                    + (dependents.size() == 1 ? "another item" : dependents.size() + " other items")
                    + " of your draft (" + dependents.stream().map(ChangeOperation::getLabel)
                            .collect(Collectors.joining("; ")) + "). Remove "
                    + (dependents.size() == 1 ? "it" : "them") + " too, or keep "
                    + (chosen.size() == 1 ? "it." : "them."));
        }
        Set<UUID> removed = new LinkedHashSet<>(chosen);
        dependents.forEach(op -> removed.add(op.getRecordId()));
        for (ChangeOperation op : ops) {
            if (removed.contains(op.getRecordId()) && op.getAction() == ChangeAction.CREATE) {
                refuseIfUsedElsewhere(draft, op);
            }
        }
        List<DraftItem> result = ops.stream().filter(op -> removed.contains(op.getRecordId())).map(this::item).toList();
        engine.amend(draft.getId(), List.of(), removed);
        return result;
    }

    /** Sends the working draft to review with the caller's message; the next change starts a new one. */
    public UUID submit(UUID projectId, String message) {
        Changeset draft = required(projectId);
        engine.submit(draft.getId(), message);
        return draft.getId();
    }

    /** Throws the whole working draft away (it is withdrawn, so its history stays). */
    public void discard(UUID projectId) {
        engine.withdraw(required(projectId).getId());
    }

    /**
     * Moves the items on these records out of the working draft into a changeset of their own, submitted
     * or kept as an ordinary draft. New records of the draft that the chosen items use move with them,
     * so that the new changeset can be reviewed on its own; items left behind may use records it
     * creates (their approval then waits for it). Returns the new changeset and what moved.
     */
    public Split split(UUID projectId, Collection<UUID> recordIds, String message, boolean submit) {
        Changeset draft = required(projectId);
        List<ChangeOperation> ops = operations.findByChangesetIdOrderByOrdinal(draft.getId());
        Set<UUID> chosen = ops.stream().map(ChangeOperation::getRecordId).filter(recordIds::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (chosen.isEmpty()) {
            throw new InvalidInputException("Choose at least one item of your draft to move.");
        }
        Set<UUID> moving = new LinkedHashSet<>(chosen);
        Map<UUID, ChangeOperation> created = new HashMap<>();
        ops.stream().filter(op -> op.getAction() == ChangeAction.CREATE).forEach(op -> created.put(op.getRecordId(), op));
        var needed = new ArrayList<ChangeOperation>();
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ChangeOperation op : ops) {
                if (!moving.contains(op.getRecordId())) {
                    continue;
                }
                for (UUID ref : references(op)) {
                    ChangeOperation creator = created.get(ref);
                    if (creator != null && moving.add(ref)) {
                        needed.add(creator);
                        grew = true;
                    }
                }
            }
        }
        var proposed = engine.proposedOperations(draft.getId()).stream()
                .filter(op -> moving.contains(op.recordId())).toList();
        List<DraftItem> moved = ops.stream().filter(op -> moving.contains(op.getRecordId())).map(this::item).toList();
        engine.amend(draft.getId(), List.of(), moving);
        UUID split = engine.propose(projectId, message, proposed, submit);
        return new Split(split, moved, needed.stream().map(this::item).toList());
    }

    /** What a split did: the new changeset, every item moved, and those that moved because the chosen ones need them. */
    public record Split(UUID changesetId, List<DraftItem> moved, List<DraftItem> alsoMoved) {
    }

    /**
     * One item of the working draft: one operation on one record. {@code contextId} is where the record
     * lives when it lives inside something (an annotation's source).
     */
    public record DraftItem(UUID recordId, String kind, String kindName, ChangeAction action, String label,
            @Nullable UUID contextId, int ordinal) {
    }

    private Optional<Changeset> mine(UUID projectId) {
        return changesets.findByProjectIdAndWorkingDraftOf(projectId, CurrentUser.require().userId())
                .filter(c -> c.getState() == ChangesetState.DRAFT);
    }

    private Changeset required(UUID projectId) {
        access.require(projectId, ProjectRole.EDITOR);
        return mine(projectId).orElseThrow(() -> new InvalidInputException(
                "Your draft is empty: it was submitted or discarded, maybe in another tab."));
    }

    /** The items outside {@code removed} that use a record created by a removed item, directly or through others. */
    private List<ChangeOperation> dependentsOf(List<ChangeOperation> ops, Set<UUID> removed) {
        Set<UUID> gone = new HashSet<>();
        ops.stream().filter(op -> removed.contains(op.getRecordId()) && op.getAction() == ChangeAction.CREATE)
                .forEach(op -> gone.add(op.getRecordId()));
        var dependents = new ArrayList<ChangeOperation>();
        Set<UUID> taken = new HashSet<>(removed);
        for (boolean grew = !gone.isEmpty(); grew; ) {
            grew = false;
            for (ChangeOperation op : ops) {
                if (taken.contains(op.getRecordId()) || references(op).stream().noneMatch(gone::contains)) {
                    continue;
                }
                taken.add(op.getRecordId());
                dependents.add(op);
                if (op.getAction() == ChangeAction.CREATE) {
                    gone.add(op.getRecordId());
                }
                grew = true;
            }
        }
        dependents.sort(java.util.Comparator.comparingInt(ChangeOperation::getOrdinal));
        return dependents;
    }

    /**
     * A record the draft creates may already be used by another open changeset (one split off earlier,
     * say): taking it away would leave that one pointing to nothing.
     */
    private void refuseIfUsedElsewhere(Changeset draft, ChangeOperation created) {
        String pattern = "%" + created.getRecordId() + "%";
        for (Object[] row : operations.findOpenMentioning(draft.getProjectId(), pattern, ChangesetService.OPEN,
                draft.getId())) {
            ChangeOperation op = (ChangeOperation) row[0];
            Changeset other = (Changeset) row[1];
            if (references(op).contains(created.getRecordId())) {
                throw new InvalidInputException("\"" + created.getLabel() + "\" is used by the changeset \""
                        + other.getMessage() + "\" (" + op.getLabel() + "), so it stays: change or withdraw that one"
                        + " first.");
            }
        }
    }

    /** The ids of the records an operation's proposed values point to (none for a deletion). */
    private Set<UUID> references(ChangeOperation op) {
        if (op.getPayload() == null || op.getAction() == ChangeAction.DELETE) {
            return Set.of();
        }
        return referencesOf(types.get(op.getRecordKind()), op.getPayload());
    }

    private <P> Set<UUID> referencesOf(RecordType<P> type, String json) {
        return type.references(types.read(type, json)).stream().map(RecordRef::id).collect(Collectors.toSet());
    }

    private static String labels(List<ChangeOperation> ops, Set<UUID> ids) {
        return ops.stream().filter(op -> ids.contains(op.getRecordId())).map(op -> "\"" + op.getLabel() + "\"")
                .collect(Collectors.joining(", "));
    }

    private DraftItem item(ChangeOperation op) {
        return new DraftItem(op.getRecordId(), op.getRecordKind(), types.get(op.getRecordKind()).displayName(),
                op.getAction(), op.getLabel(), op.getContextId(), op.getOrdinal());
    }

    private DraftItem item(Object[] row) {
        String kind = (String) row[1];
        return new DraftItem((UUID) row[0], kind, types.get(kind).displayName(), (ChangeAction) row[2], (String) row[3],
                (UUID) row[4], (Integer) row[5]);
    }
}
