package org.annals.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.LikePattern;
import org.annals.review.ChangesetActivity.Activity;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The author's side of moderation: propose a changeset (as a draft or submitted at once), revise a
 * draft or a changeset sent back for changes, submit, withdraw, discuss. Every operation is checked
 * on its own when proposed; approval checks the whole changeset again against the live records.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ChangesetService {

    /** A changeset is a reviewable unit; thousands of operations are a bulk import, not a review. */
    public static final int MAX_OPERATIONS = 1000;
    /** Ids are unique across the installation; a clash is nearly always a copied id, so the message says what to do. */
    static final String ID_TAKEN = "The id of the new %s (%s) is already used by another record. Every record needs"
            + " an id of its own: propose it with a new random id.";
    static final Set<ChangesetState> OPEN = EnumSet.of(ChangesetState.DRAFT, ChangesetState.SUBMITTED,
            ChangesetState.CHANGES_REQUESTED);
    /** Open changesets whose new records every editor of the project may see and build on, not only the author. */
    static final Set<ChangesetState> SHARED = EnumSet.of(ChangesetState.SUBMITTED, ChangesetState.CHANGES_REQUESTED);

    private final ProjectAccess access;
    private final ChangesetRepository changesets;
    private final ChangeOperationRepository operations;
    private final ChangesetCommentRepository comments;
    private final RecordTypes types;
    private final ChangesetViews views;
    private final ChangesetLookup lookup;
    private final ChangesetAnnouncer announcer;
    private final StaleOperations staleness;
    private final RecordRevisionRepository revisions;
    private final ChangesetDependencies dependencies;

    ChangesetService(ProjectAccess access, ChangesetRepository changesets, ChangeOperationRepository operations,
            ChangesetCommentRepository comments, RecordTypes types, ChangesetViews views, ChangesetLookup lookup,
            ChangesetAnnouncer announcer, StaleOperations staleness, RecordRevisionRepository revisions,
            ChangesetDependencies dependencies) {
        this.dependencies = dependencies;
        this.staleness = staleness;
        this.revisions = revisions;
        this.lookup = lookup;
        this.announcer = announcer;
        this.access = access;
        this.changesets = changesets;
        this.operations = operations;
        this.comments = comments;
        this.types = types;
        this.views = views;
    }

    /** Proposes a changeset; with {@code submit} it goes to review at once, otherwise it stays a draft. */
    public UUID propose(UUID projectId, String message, List<ProposedOperation> proposed, boolean submit) {
        access.require(projectId, ProjectRole.EDITOR);
        Instant now = Instant.now();
        Changeset changeset = changesets.save(new Changeset(projectId, CurrentUser.require().userId(),
                validMessage(message), now));
        Set<RecordRef> references = new HashSet<>();
        List<ChangeOperation> stored = store(changeset, proposed, references);
        dependencies.update(changeset, references);
        if (submit) {
            changeset.moveTo(ChangesetState.SUBMITTED, now);
        }
        announcer.announce(changeset, submit ? Activity.SUBMITTED : Activity.DRAFT_CHANGED, changeset.getAuthorId(),
                stored);
        return changeset.getId();
    }

    /** Replaces the message and operations of the author's draft or of a changeset sent back for changes. */
    public void revise(UUID changesetId, String message, List<ProposedOperation> proposed) {
        Changeset changeset = ownChangeset(changesetId);
        if (!changeset.getState().editable()) {
            throw new InvalidInputException("Only drafts and changesets sent back for changes can be edited.");
        }
        changeset.rewrite(validMessage(message), Instant.now());
        // What it touched before counts too: a record dropped from the draft must disappear from open views.
        var before = announcer.touched(changesetId);
        operations.deleteByChangesetId(changesetId);
        operations.flush();
        Set<RecordRef> references = new HashSet<>();
        List<ChangeOperation> stored = store(changeset, proposed, references);
        dependencies.update(changeset, references);
        var touched = before.plus(ChangesetAnnouncer.Touched.of(stored));
        announcer.announce(changeset, Activity.DRAFT_CHANGED, changeset.getAuthorId(), touched.records(),
                touched.contexts());
    }

    /**
     * Changes some operations of the author's editable changeset without rewriting the rest: each
     * upsert replaces the operation on the same record (keeping its place) or is appended; removals
     * drop the operation on that record. Only the changed operations are validated again, so adding
     * the 500th annotation to a draft costs what adding the first did. A changeset left without
     * operations is withdrawn. Returns whether the changeset is still open.
     */
    public boolean amend(UUID changesetId, List<ProposedOperation> upserts, Collection<UUID> removedRecordIds) {
        Changeset changeset = ownChangeset(changesetId);
        if (!changeset.getState().editable()) {
            throw new InvalidInputException("Only drafts and changesets sent back for changes can be edited.");
        }
        Map<UUID, ChangeOperation> existing = new LinkedHashMap<>();
        operations.findByChangesetIdOrderByOrdinal(changesetId).forEach(op -> existing.put(op.getRecordId(), op));
        Map<UUID, ProposedOperation> byRecord = new LinkedHashMap<>();
        for (ProposedOperation op : upserts) {
            if (byRecord.put(op.recordId(), op) != null || removedRecordIds.contains(op.recordId())) {
                throw new InvalidInputException("A changeset may change each record only once.");
            }
        }
        var replaced = new ArrayList<ChangeOperation>();
        for (UUID recordId : removedRecordIds) {
            ChangeOperation op = existing.remove(recordId);
            if (op != null) {
                replaced.add(op);
            }
        }
        Map<UUID, Integer> ordinals = new HashMap<>();
        for (UUID recordId : byRecord.keySet()) {
            ChangeOperation op = existing.remove(recordId);
            if (op != null) {
                replaced.add(op);
                ordinals.put(recordId, op.getOrdinal());
            }
        }
        if (existing.size() + byRecord.size() > MAX_OPERATIONS) {
            throw new InvalidInputException("A changeset holds at most " + MAX_OPERATIONS + " changes; split it.");
        }
        // Records of one changeset may refer to each other in any order (see store).
        Set<UUID> createdHere = ReviewService.createdBy(existing.values());
        byRecord.values().stream().filter(op -> op.action() == ChangeAction.CREATE)
                .forEach(op -> createdHere.add(op.recordId()));
        int next = 1 + Math.max(existing.values().stream().mapToInt(ChangeOperation::getOrdinal).max().orElse(-1),
                replaced.stream().mapToInt(ChangeOperation::getOrdinal).max().orElse(-1));
        var fresh = new ArrayList<ChangeOperation>();
        Set<RecordRef> available = new HashSet<>();
        for (ProposedOperation op : byRecord.values()) {
            Integer ordinal = ordinals.get(op.recordId());
            fresh.add(operation(changeset, ordinal != null ? ordinal : next++, types.get(op.kind()), op, createdHere,
                    available));
        }
        operations.deleteAll(replaced);
        operations.flush();
        operations.saveAll(fresh);
        Instant now = Instant.now();
        var changed = new ArrayList<>(replaced);
        changed.addAll(fresh);
        if (existing.isEmpty() && fresh.isEmpty()) {
            changeset.moveTo(ChangesetState.WITHDRAWN, now);
            dependencies.dependencyClosed(changeset, "withdrawn by its author", changeset.getAuthorId(), now);
            announcer.announce(changeset, Activity.WITHDRAWN, changeset.getAuthorId(), changed);
            return false;
        }
        dependencies.add(changeset, available);
        changeset.rewrite(changeset.getMessage(), now);
        announcer.announce(changeset, Activity.DRAFT_CHANGED, changeset.getAuthorId(), changed);
        return true;
    }

    /**
     * Open proposals within one context (the annotations of one source): everything submitted for
     * review by anyone, and the caller's own drafts and changesets sent back. Editors and above.
     */
    @Transactional(readOnly = true)
    public List<OpenOperation> openInContext(UUID projectId, UUID contextId) {
        access.require(projectId, ProjectRole.EDITOR);
        UUID me = CurrentUser.require().userId();
        var result = new ArrayList<OpenOperation>();
        for (Object[] row : operations.findOpenInContext(projectId, contextId, OPEN)) {
            ChangeOperation op = (ChangeOperation) row[0];
            Changeset changeset = (Changeset) row[1];
            boolean mine = changeset.getAuthorId().equals(me);
            if (!mine && changeset.getState() != ChangesetState.SUBMITTED) {
                continue;
            }
            RecordType<?> type = types.get(op.getRecordKind());
            Object payload = op.getPayload() == null ? null : readPayload(type, op.getPayload());
            result.add(new OpenOperation(changeset.getId(), changeset.getState(), mine, changeset.getUpdatedAt(),
                    new ProposedOperation(op.getRecordKind(), op.getRecordId(), op.getAction(), op.getBaseVersion(),
                            payload), op.getLabel()));
        }
        return result;
    }

    /** One operation of an open changeset, as the overlay on vetted data shows it. */
    public record OpenOperation(UUID changesetId, ChangesetState state, boolean mine, Instant updatedAt,
            ProposedOperation operation, String label) {
    }

    public void submit(UUID changesetId) {
        Changeset changeset = ownChangeset(changesetId);
        changeset.moveTo(ChangesetState.SUBMITTED, Instant.now());
        dependencies.update(changeset, operations.findByChangesetIdOrderByOrdinal(changesetId));
        announcer.announce(changeset, Activity.SUBMITTED, changeset.getAuthorId());
    }

    /** Submits with a new message: a draft built up piece by piece gets its description at the end. */
    public void submit(UUID changesetId, String message) {
        Changeset changeset = ownChangeset(changesetId);
        Instant now = Instant.now();
        changeset.rewrite(validMessage(message), now);
        changeset.moveTo(ChangesetState.SUBMITTED, now);
        dependencies.update(changeset, operations.findByChangesetIdOrderByOrdinal(changesetId));
        announcer.announce(changeset, Activity.SUBMITTED, changeset.getAuthorId());
    }

    public void withdraw(UUID changesetId) {
        Changeset changeset = ownChangeset(changesetId);
        Instant now = Instant.now();
        changeset.moveTo(ChangesetState.WITHDRAWN, now);
        dependencies.dependencyClosed(changeset, "withdrawn by its author", changeset.getAuthorId(), now);
        announcer.announce(changeset, Activity.WITHDRAWN, changeset.getAuthorId());
    }

    /** Adds to the changeset's discussion; {@code @username} of an editor of the project tells them. */
    public void comment(UUID changesetId, String body) {
        Changeset changeset = visibleChangeset(changesetId);
        String text = body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("Write a comment first.");
        }
        if (text.length() > ChangesetComment.BODY_MAX_LENGTH) {
            throw new InvalidInputException("A comment has at most " + ChangesetComment.BODY_MAX_LENGTH
                    + " characters; this one has " + text.length() + ". Shorten it or split it.");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("The comment contains a character that cannot be stored (NUL).");
        }
        ChangesetComment comment = comments.save(new ChangesetComment(changeset.getId(), CurrentUser.require().userId(),
                text, Instant.now()));
        announcer.commented(changeset, comment);
    }

    /** The changeset's discussion, oldest first (decision comments included): what its thread shows. */
    @Transactional(readOnly = true)
    public List<ChangesetDetails.Comment> discussion(UUID changesetId) {
        return views.discussion(visibleChangeset(changesetId));
    }

    /** The caller's own changesets in a project, most recently changed first. */
    @Transactional(readOnly = true)
    public List<ChangesetSummary> mine(UUID projectId, int limit) {
        access.require(projectId, ProjectRole.EDITOR);
        return views.summaries(changesets.findByProjectIdAndAuthorIdOrderByUpdatedAtDesc(projectId,
                CurrentUser.require().userId(), PageRequest.of(0, Math.clamp(limit, 1, 500))));
    }

    /**
     * One page of the caller's own changesets in a project, in any of {@code states} (every state when
     * empty), optionally only those touching one kind of record or concerning one source (as the
     * review queue filters), ordered by their last change.
     */
    @Transactional(readOnly = true)
    public List<ChangesetSummary> mine(UUID projectId, Collection<ChangesetState> states, @Nullable String kind,
            @Nullable UUID sourceId, boolean newestFirst, int page, int pageSize) {
        access.require(projectId, ProjectRole.EDITOR);
        Sort order = newestFirst ? Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))
                : Sort.by(Sort.Order.asc("updatedAt"), Sort.Order.asc("id"));
        return views.summaries(changesets.findByAuthor(projectId, CurrentUser.require().userId(), anyIfNone(states),
                kind, sourcePattern(sourceId), PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1, 500), order)));
    }

    /** How many changesets {@link #mine(UUID, Collection, String, UUID, boolean, int, int)} finds in all. */
    @Transactional(readOnly = true)
    public long countMine(UUID projectId, Collection<ChangesetState> states, @Nullable String kind,
            @Nullable UUID sourceId) {
        access.require(projectId, ProjectRole.EDITOR);
        return changesets.countByAuthor(projectId, CurrentUser.require().userId(), anyIfNone(states), kind,
                sourcePattern(sourceId));
    }

    private static Collection<ChangesetState> anyIfNone(Collection<ChangesetState> states) {
        return states.isEmpty() ? EnumSet.allOf(ChangesetState.class) : states;
    }

    private static String sourcePattern(@Nullable UUID sourceId) {
        return sourceId == null ? LikePattern.ANY : LikePattern.containing(sourceId.toString());
    }

    @Transactional(readOnly = true)
    public ChangesetDetails details(UUID changesetId) {
        return views.details(visibleChangeset(changesetId));
    }

    /** The author's proposed operations with their values, to edit a draft or a changeset sent back. */
    @Transactional(readOnly = true)
    public List<ProposedOperation> proposedOperations(UUID changesetId) {
        Changeset changeset = ownChangeset(changesetId);
        return operations.findByChangesetIdOrderByOrdinal(changeset.getId()).stream()
                .map(op -> new ProposedOperation(op.getRecordKind(), op.getRecordId(), op.getAction(), op.getBaseVersion(),
                        op.getPayload() == null || op.getAction() == ChangeAction.DELETE ? null
                                : readPayload(types.get(op.getRecordKind()), op.getPayload())))
                .toList();
    }

    private <P> P readPayload(RecordType<P> type, String json) {
        return types.read(type, json);
    }

    /** The caller's open operations on records of one kind: the pending overlay next to vetted data. */
    @Transactional(readOnly = true)
    public List<PendingChange> myPending(UUID projectId, String kind) {
        access.require(projectId, ProjectRole.EDITOR);
        return operations.findOpenByAuthor(projectId, CurrentUser.require().userId(), kind, OPEN).stream()
                .map(op -> new PendingChange(op.getChangesetId(), op.getRecordId(), op.getAction(), op.getLabel()))
                .toList();
    }

    /**
     * New records of one kind that the caller may use before they are approved, whose label contains
     * {@code text} (any case): those created by their own open changesets (drafts included) and by
     * what others submitted or had sent back; newest first. What every picker offers after the vetted
     * records; a changeset that uses one then waits for the one that creates it (decision 0023).
     */
    @Transactional(readOnly = true)
    public List<PendingRecord> pendingRecords(UUID projectId, String kind, String text, int limit) {
        access.require(projectId, ProjectRole.EDITOR);
        RecordType<?> type = types.get(kind);
        UUID me = CurrentUser.require().userId();
        var result = new ArrayList<PendingRecord>();
        for (Object[] row : operations.findPendingCreations(projectId, kind, me, OPEN, SHARED,
                org.annals.base.LikePattern.containing(text.strip().toLowerCase(java.util.Locale.ROOT)),
                PageRequest.of(0, Math.clamp(limit, 1, 200)))) {
            ChangeOperation op = (ChangeOperation) row[0];
            Changeset changeset = (Changeset) row[1];
            if (op.getPayload() != null) {
                result.add(new PendingRecord(kind, op.getRecordId(), op.getLabel(), readPayload(type, op.getPayload()),
                        changeset.getId(), changeset.getState(), changeset.getAuthorId().equals(me),
                        changeset.getUpdatedAt()));
            }
        }
        return result;
    }

    /** A record proposed in an open changeset, with its proposed values. */
    public record PendingRecord(String kind, UUID recordId, String label, Object payload, UUID changesetId,
            ChangesetState state, boolean mine, Instant updatedAt) {

        /** Still being worked on by the caller (a draft, or sent back to them), rather than waiting for review. */
        public boolean draft() {
            return mine && state != ChangesetState.SUBMITTED;
        }
    }

    /** One of the caller's proposed changes that is not decided yet. */
    public record PendingChange(UUID changesetId, UUID recordId, ChangeAction action, String label) {
    }

    /**
     * The caller's open changesets in a project that no longer fit their records (someone else's change
     * to the same record was approved, or the record is gone): approving them would be refused, so
     * their author should update them first.
     */
    @Transactional(readOnly = true)
    public Set<UUID> myConflicts(UUID projectId) {
        access.require(projectId, ProjectRole.EDITOR);
        var conflicted = new java.util.LinkedHashSet<UUID>();
        var check = staleness.check(projectId);
        for (ChangeOperation op : operations.findOpenByAuthorAnyKind(projectId, CurrentUser.require().userId(), OPEN)) {
            if (!conflicted.contains(op.getChangesetId()) && check.stale(op)) {
                conflicted.add(op.getChangesetId());
            }
        }
        return conflicted;
    }

    /**
     * The stale operations of the author's open changeset, each with what a comparison needs: the
     * values the author started from (when the history still has that version), the values now and
     * their version (null when the record is gone), and what the author proposed.
     */
    @Transactional(readOnly = true)
    public List<Rebase> conflicts(UUID changesetId) {
        Changeset changeset = ownChangeset(changesetId);
        var result = new ArrayList<Rebase>();
        for (ChangeOperation op : operations.findByChangesetIdOrderByOrdinal(changesetId)) {
            if (changeset.getState().open() && staleness.stale(changeset.getProjectId(), op)) {
                result.add(rebaseOf(changeset, types.get(op.getRecordKind()), op));
            }
        }
        return result;
    }

    private <P> Rebase rebaseOf(Changeset changeset, RecordType<P> type, ChangeOperation op) {
        var current = type.current(changeset.getProjectId(), op.getRecordId());
        P startedFrom = revisions.findByProjectIdAndRecordKindAndRecordIdOrderByAppliedAtAscIdAsc(
                        changeset.getProjectId(), op.getRecordKind(), op.getRecordId()).stream()
                .filter(r -> op.getBaseVersion() != null && op.getBaseVersion().equals(r.getRecordVersion())
                        && r.getSnapshot() != null)
                .map(r -> types.read(type, r.getSnapshot())).reduce((first, later) -> later).orElse(null);
        P proposed = op.getPayload() == null || op.getAction() == ChangeAction.DELETE ? null
                : types.read(type, op.getPayload());
        return new Rebase(new ProposedOperation(op.getRecordKind(), op.getRecordId(), op.getAction(),
                op.getBaseVersion(), proposed), op.getLabel(), startedFrom,
                current.map(RecordType.Current::payload).orElse(null),
                current.map(RecordType.Current::version).orElse(null));
    }

    /**
     * One stale operation and what to compare it with.
     *
     * @param startedFrom the record as it was at the operation's base version; null if not known
     * @param current the record now; null when it was deleted (or merged away)
     */
    public record Rebase(ProposedOperation proposed, String label, @Nullable Object startedFrom,
            @Nullable Object current, @Nullable Long currentVersion) {

        public boolean recordGone() {
            return currentVersion == null;
        }
    }

    /**
     * Moves one operation of the author's open changeset (draft, submitted or sent back) onto the
     * record's current version, with the values the author chose after comparing. The changeset
     * keeps its state, place in the queue, discussion and id. {@code operation.baseVersion()} must be
     * the version the author compared with: if the record changed again meanwhile, nothing is changed
     * and the author is asked to compare again.
     */
    public void rebase(UUID changesetId, ProposedOperation operation) {
        Changeset changeset = ownChangeset(changesetId);
        if (!changeset.getState().open()) {
            throw new InvalidInputException("Only changesets that are not decided yet can be updated.");
        }
        List<ChangeOperation> ops = operations.findByChangesetIdOrderByOrdinal(changesetId);
        ChangeOperation old = ops.stream().filter(op -> op.getRecordId().equals(operation.recordId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("This changeset does not change that record."));
        if (old.getAction() == ChangeAction.CREATE || old.getAction() != operation.action()
                || !old.getRecordKind().equals(operation.kind())) {
            throw new InvalidInputException("Only a change or deletion of an existing record can be updated this way.");
        }
        RecordType<?> type = types.get(old.getRecordKind());
        var current = type.current(changeset.getProjectId(), old.getRecordId());
        if (current.isEmpty()) {
            throw new InvalidInputException("The record no longer exists: propose your values as a new record, or"
                    + " withdraw this changeset.");
        }
        if (operation.baseVersion() == null || current.get().version() != operation.baseVersion()) {
            throw new ConflictException(List.of("The record changed again while you compared (it is now at version "
                    + current.get().version() + "): compare with its current values once more."));
        }
        Set<UUID> createdHere = new HashSet<>();
        ops.stream().filter(op -> op.getAction() == ChangeAction.CREATE).forEach(op -> createdHere.add(op.getRecordId()));
        Set<RecordRef> references = new HashSet<>();
        ChangeOperation fresh = operation(changeset, old.getOrdinal(), type, operation, createdHere, references);
        operations.delete(old);
        operations.flush();
        operations.save(fresh);
        dependencies.add(changeset, references);
        changeset.rewrite(changeset.getMessage(), Instant.now());
        announcer.announce(changeset, changeset.getState() == ChangesetState.SUBMITTED ? Activity.SUBMITTED
                : Activity.DRAFT_CHANGED, changeset.getAuthorId(), List.of(old, fresh));
    }

    /** Stores the operations in order; {@code references} receives everything their values refer to. */
    private List<ChangeOperation> store(Changeset changeset, List<ProposedOperation> proposed,
            Set<RecordRef> references) {
        if (proposed.isEmpty()) {
            throw new InvalidInputException("A changeset needs at least one change.");
        }
        if (proposed.size() > MAX_OPERATIONS) {
            throw new InvalidInputException("A changeset holds at most " + MAX_OPERATIONS + " changes; split it.");
        }
        // Records of one changeset may refer to each other in any order: nothing in the database ties them, and
        // some refer to each other both ways (a new event's claim quotes the annotation that links to the event).
        Set<UUID> createdHere = new HashSet<>();
        proposed.stream().filter(op -> op.action() == ChangeAction.CREATE).forEach(op -> createdHere.add(op.recordId()));
        Set<UUID> touched = new HashSet<>();
        var stored = new ArrayList<ChangeOperation>();
        int ordinal = 0;
        for (ProposedOperation op : proposed) {
            if (!touched.add(op.recordId())) {
                throw new InvalidInputException("A changeset may change each record only once.");
            }
            stored.add(operations.save(operation(changeset, ordinal++, types.get(op.kind()), op, createdHere, references)));
        }
        return stored;
    }

    private <P> ChangeOperation operation(Changeset changeset, int ordinal, RecordType<P> type, ProposedOperation op,
            Set<UUID> createdHere, Set<RecordRef> available) {
        UUID projectId = changeset.getProjectId();
        var current = type.current(projectId, op.recordId());
        @Nullable String json;
        String label;
        @Nullable UUID context;
        @Nullable Long base = op.baseVersion();
        if (op.action() == ChangeAction.CREATE) {
            if (current.isPresent()) {
                throw new InvalidInputException("This record already exists.");
            }
            if (type.idTaken(op.recordId())) {
                throw new InvalidInputException(ID_TAKEN.formatted(type.displayName().toLowerCase(java.util.Locale.ROOT), op.recordId()));
            }
            P payload = payload(type, op);
            type.validate(projectId, op.recordId(), op.action(), payload);
            checkReferences(changeset, type.references(payload), createdHere, available);
            json = types.write(payload);
            label = type.label(payload);
            context = type.context(payload);
            base = null;
        } else {
            if (current.isEmpty()) {
                throw new InvalidInputException("The record to " + (op.action() == ChangeAction.DELETE ? "delete" : "change")
                        + " does not exist in this project.");
            }
            if (base == null) {
                throw new InvalidInputException("A change must say which version of the record it is based on.");
            }
            if (op.action() == ChangeAction.UPDATE) {
                P payload = payload(type, op);
                type.validate(projectId, op.recordId(), op.action(), payload);
                checkReferences(changeset, type.references(payload), createdHere, available);
                json = types.write(payload);
                label = type.label(payload);
                context = type.context(payload);
            } else {
                json = types.write(current.get().payload());
                label = type.label(current.get().payload());
                context = type.context(current.get().payload());
            }
        }
        return new ChangeOperation(changeset.getId(), ordinal, type.kind(), op.recordId(), op.action(), base, json,
                label, context);
    }

    /**
     * References must exist, be created in this changeset (anywhere in it), or be created by another open one
     * (which approval will then wait for). {@code available} collects, while one batch of operations is
     * stored, the references already found there: a thousand streets of one pending city cost one
     * look-up, not a thousand, and what the batch waits for is then worked out from them.
     */
    private void checkReferences(Changeset changeset, Set<RecordRef> references, Set<UUID> createdHere,
            Set<RecordRef> available) {
        for (RecordRef ref : references) {
            if (!available.add(ref)) {
                continue;
            }
            lookup.missing(changeset, ref, createdHere)
                    .filter(missing -> !missing.pending())
                    .ifPresent(missing -> {
                        throw new InvalidInputException("A change " + missing.reason());
                    });
        }
    }

    private static <P> P payload(RecordType<P> type, ProposedOperation op) {
        if (!type.payloadType().isInstance(op.payload())) {
            throw new InvalidInputException("The proposed values do not fit a " + type.displayName() + ".");
        }
        return type.payloadType().cast(op.payload());
    }

    private Changeset ownChangeset(UUID changesetId) {
        Changeset changeset = visibleChangeset(changesetId);
        if (!changeset.getAuthorId().equals(CurrentUser.require().userId())) {
            throw new AccessDeniedException("Only the author may change this changeset.");
        }
        return changeset;
    }

    /** Changesets are visible to the project's editors and above; non-members get "not found". */
    private Changeset visibleChangeset(UUID changesetId) {
        Changeset changeset = lookup.visible(changesetId);
        access.require(changeset.getProjectId(), ProjectRole.EDITOR);
        return changeset;
    }

    private static String validMessage(String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("Describe the change in a short message for the reviewers.");
        }
        if (text.length() > Changeset.MESSAGE_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + Changeset.MESSAGE_MAX_LENGTH + " characters for the message.");
        }
        return text;
    }
}
