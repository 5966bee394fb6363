package org.annals.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.LikePattern;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewer's side: the queue of submitted changesets and the decisions. Approval applies every
 * operation of a changeset in one transaction, after checking that no record changed since the
 * changeset was based on it and that everything it refers to exists; otherwise nothing is applied.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ReviewService {

    private final ProjectAccess access;
    private final ProjectService projects;
    private final ChangesetRepository changesets;
    private final ChangeOperationRepository operations;
    private final ChangesetCommentRepository comments;
    private final RecordRevisionRepository revisions;
    private final RecordTypes types;
    private final ChangesetViews views;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate eachInItsOwnTransaction;
    private final ChangesetLookup lookup;
    private final ChangesetAnnouncer announcer;
    private final ChangesetDependencies dependencies;

    ReviewService(ProjectAccess access, ProjectService projects, ChangesetRepository changesets,
            ChangeOperationRepository operations, ChangesetCommentRepository comments, RecordRevisionRepository revisions,
            RecordTypes types, ChangesetViews views, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, ChangesetLookup lookup, ChangesetAnnouncer announcer,
            ChangesetDependencies dependencies) {
        this.dependencies = dependencies;
        this.lookup = lookup;
        this.announcer = announcer;
        this.access = access;
        this.projects = projects;
        this.changesets = changesets;
        this.operations = operations;
        this.comments = comments;
        this.revisions = revisions;
        this.types = types;
        this.views = views;
        this.events = events;
        this.eachInItsOwnTransaction = new TransactionTemplate(transactions);
    }

    /** Submitted changesets of a project, optionally of one author or touching one kind of record. */
    @Transactional(readOnly = true)
    public List<ChangesetSummary> queue(UUID projectId, @Nullable UUID authorId, @Nullable String kind,
            boolean newestFirst, int page, int pageSize) {
        return queue(projectId, authorId, kind, null, newestFirst, page, pageSize);
    }

    /**
     * Submitted changesets, optionally also only those that concern one source: an operation whose
     * proposed values refer to it (an annotation in it, a fatality claim citing it).
     */
    @Transactional(readOnly = true)
    public List<ChangesetSummary> queue(UUID projectId, @Nullable UUID authorId, @Nullable String kind,
            @Nullable UUID sourceId, boolean newestFirst, int page, int pageSize) {
        access.require(projectId, ProjectRole.EDITOR);
        Sort order = newestFirst ? Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id"))
                : Sort.by(Sort.Order.asc("submittedAt"), Sort.Order.asc("id"));
        return views.summaries(changesets.findPending(projectId, authorId, kind, sourceId == null ? LikePattern.ANY : LikePattern.containing(sourceId.toString()),
                PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1, 500), order)));
    }

    @Transactional(readOnly = true)
    public long queueSize(UUID projectId, @Nullable UUID authorId, @Nullable String kind) {
        return queueSize(projectId, authorId, kind, null);
    }

    @Transactional(readOnly = true)
    public long queueSize(UUID projectId, @Nullable UUID authorId, @Nullable String kind, @Nullable UUID sourceId) {
        access.require(projectId, ProjectRole.EDITOR);
        return changesets.countPending(projectId, authorId, kind, sourceId == null ? LikePattern.ANY : LikePattern.containing(sourceId.toString()));
    }

    /** For each decision, whether the caller may take it now and if not why (without a comment yet). */
    @Transactional(readOnly = true)
    public Map<ReviewAction, Allowance> allowances(UUID changesetId) {
        Changeset changeset = visible(changesetId);
        var result = new EnumMap<ReviewAction, Allowance>(ReviewAction.class);
        for (ReviewAction action : ReviewAction.values()) {
            result.put(action, ReviewPolicies.check(situation(changeset, action, action == ReviewAction.APPROVE ? null : "…")));
        }
        return result;
    }

    /**
     * Approves one changeset: applies every operation, or none. Refused, naming them, while it uses
     * records that other open changesets create: those are approved first, or together with it
     * ({@link #approveWithDependencies}).
     */
    public void approve(UUID changesetId, @Nullable String comment) {
        Changeset changeset = lockVisible(changesetId);
        enforce(situation(changeset, ReviewAction.APPROVE, comment));
        List<ChangeOperation> ops = operations.findByChangesetIdOrderByOrdinal(changesetId);
        List<Changeset> waitsFor = dependencies.direct(changeset, ops);
        if (!waitsFor.isEmpty()) {
            throw new ConflictException(waitsFor.stream().map(dependency -> "This changeset uses records created by"
                    + " the changeset \"" + dependency.getMessage() + "\" by " + views.name(dependency.getAuthorId())
                    + ", which is not approved yet: approve them together, or that one first.").toList());
        }
        checkAndApply(changeset, ops, comment);
    }

    /**
     * The open changesets that must be approved for this one to be approved (what it uses, and what
     * those use), in the order approval applies them; empty when it can be approved alone.
     */
    @Transactional(readOnly = true)
    public List<ChangesetSummary> dependenciesToApprove(UUID changesetId) {
        Changeset changeset = visible(changesetId);
        access.require(changeset.getProjectId(), ProjectRole.EDITOR);
        var order = dependencies.approvalOrder(changeset);
        return views.summaries(order.subList(0, order.size() - 1));
    }

    /**
     * Approves the changeset together with every open changeset it waits for (transitively), in one
     * transaction: all are applied, each with its own revisions and decision, or none is. Each must be
     * submitted, the caller must be allowed to approve each (the self-approval rule applies to each),
     * and each is checked for records changed since it was based on them. The comment goes to this
     * changeset. Returns the approved changesets, dependencies first.
     */
    public List<UUID> approveWithDependencies(UUID changesetId, @Nullable String comment) {
        Changeset changeset = lockVisible(changesetId);
        enforce(situation(changeset, ReviewAction.APPROVE, comment));
        List<Changeset> order = dependencies.approvalOrder(changeset);
        var locked = new ArrayList<Changeset>();
        for (Changeset member : order) {
            Changeset current = member.getId().equals(changesetId) ? changeset : lockVisible(member.getId());
            if (current != changeset) {
                Allowance allowance = ReviewPolicies.check(situation(current, ReviewAction.APPROVE, null));
                if (!allowance.allowed()) {
                    throw new InvalidInputException("Nothing was applied. This changeset needs \"" + current.getMessage()
                            + "\" by " + views.name(current.getAuthorId()) + ", which cannot be approved now: "
                            + allowance.reason());
                }
            }
            locked.add(current);
        }
        var approved = new ArrayList<UUID>();
        for (Changeset member : locked) {
            try {
                checkAndApply(member, operations.findByChangesetIdOrderByOrdinal(member.getId()),
                        member == changeset ? comment : null);
            } catch (ConflictException conflict) {
                if (member == changeset) {
                    throw conflict;
                }
                throw new ConflictException(List.of("The changeset it needs, \"" + member.getMessage() + "\" by "
                        + views.name(member.getAuthorId()) + ", cannot be applied: " + conflict.getMessage()
                        .replaceFirst("^Nothing was applied\\. ", "")));
            }
            approved.add(member.getId());
        }
        return approved;
    }

    /** Checks a changeset against the live records and applies it, or throws and applies nothing. */
    private void checkAndApply(Changeset changeset, List<ChangeOperation> ops, @Nullable String comment) {
        UUID reviewer = CurrentUser.require().userId();
        Instant now = Instant.now();
        List<String> problems = verify(changeset, ops);
        if (!problems.isEmpty()) {
            throw new ConflictException(problems);
        }
        // Apply everything, write it in one flush (so inserts go out in JDBC batches), then record
        // each changed record's state afterwards as its revision.
        // One revision per record: a record created here and then moved by a later merge in the same
        // changeset keeps "create" (with its final state); a deletion always shows as one.
        var changed = new java.util.LinkedHashMap<RecordRef, ChangeAction>();
        for (ChangeOperation op : ops) {
            for (var entry : apply(changeset, op)) {
                changed.merge(entry.getKey(), entry.getValue(),
                        (first, later) -> later == ChangeAction.DELETE ? later : first);
            }
        }
        operations.flush();
        // Everything the approval changed, and where those records live, for whoever has them open.
        var touched = ChangesetAnnouncer.Touched.of(ops);
        for (var entry : changed.entrySet()) {
            touched.add(entry.getKey().kind(), entry.getKey().id(),
                    record(changeset, entry.getKey(), entry.getValue(), reviewer, now));
        }
        decide(changeset, ChangesetState.APPROVED, reviewer, comment, now);
        announcer.announce(changeset, ChangesetActivity.Activity.APPROVED, reviewer, touched.records(),
                touched.contexts());
    }

    public void reject(UUID changesetId, String comment) {
        Changeset changeset = lockVisible(changesetId);
        enforce(situation(changeset, ReviewAction.REJECT, comment));
        UUID reviewer = CurrentUser.require().userId();
        Instant now = Instant.now();
        decide(changeset, ChangesetState.REJECTED, reviewer, comment, now);
        dependencies.dependencyClosed(changeset, "rejected: " + comment.strip(), reviewer, now);
        announcer.announce(changeset, ChangesetActivity.Activity.REJECTED, reviewer);
    }

    public void requestChanges(UUID changesetId, String comment) {
        Changeset changeset = lockVisible(changesetId);
        enforce(situation(changeset, ReviewAction.REQUEST_CHANGES, comment));
        UUID reviewer = CurrentUser.require().userId();
        decide(changeset, ChangesetState.CHANGES_REQUESTED, reviewer, comment, Instant.now());
        announcer.announce(changeset, ChangesetActivity.Activity.CHANGES_REQUESTED, reviewer);
    }

    /**
     * Approves several changesets, each in its own transaction, in the order given. Returns why the
     * ones that were not approved were refused (the others are applied).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public Map<UUID, String> approveAll(List<UUID> changesetIds) {
        // Permission first, for all of them: a caller who may not review gets a refusal, not a list of failures.
        eachInItsOwnTransaction.executeWithoutResult(status -> changesetIds.forEach(id ->
                access.require(visible(id).getProjectId(), ProjectRole.REVIEWER)));
        var refused = new java.util.LinkedHashMap<UUID, String>();
        for (UUID id : changesetIds) {
            try {
                eachInItsOwnTransaction.executeWithoutResult(status -> approve(id, null));
            } catch (InvalidInputException | AccessDeniedException | NotFoundException e) {
                refused.put(id, e.getMessage());
            } catch (OptimisticLockingFailureException e) {
                refused.put(id, "Someone changed the same records at the same moment; try again.");
            }
        }
        return refused;
    }

    /** Every reason the changeset cannot be applied as it stands, in operation order. */
    private List<String> verify(Changeset changeset, List<ChangeOperation> ops) {
        var problems = new ArrayList<String>();
        // Records of one changeset may refer to each other in any order: a new event's claim quotes the
        // annotation that links to the event (decision 0030).
        Set<UUID> createdHere = createdBy(ops);
        for (ChangeOperation op : ops) {
            RecordType<?> type = types.get(op.getRecordKind());
            var current = type.current(changeset.getProjectId(), op.getRecordId());
            String what = type.displayName() + " \"" + op.getLabel() + "\"";
            switch (op.getAction()) {
                case CREATE -> {
                    if (current.isPresent()) {
                        problems.add(what + " already exists.");
                    } else if (type.idTaken(op.getRecordId())) {
                        problems.add(what + ": " + ChangesetService.ID_TAKEN.formatted(type.displayName().toLowerCase(
                                java.util.Locale.ROOT), op.getRecordId()));
                    }
                }
                case UPDATE, DELETE -> {
                    if (current.isEmpty()) {
                        problems.add(what + " no longer exists.");
                    } else if (current.get().version() != op.getBaseVersion()) {
                        problems.add(what + " was changed by someone else after this changeset was made"
                                + " (it was based on version " + op.getBaseVersion() + ", the record is now at version "
                                + current.get().version() + "): compare with its current values and propose again.");
                    }
                }
            }
            if (op.getPayload() != null && op.getAction() != ChangeAction.DELETE) {
                for (RecordRef ref : references(type, op.getPayload())) {
                    lookup.missing(changeset, ref, createdHere)
                            .ifPresent(missing -> problems.add(what + " " + missing.reason()));
                }
            }
        }
        return problems;
    }

    /** The records a changeset creates, wherever in it. */
    static Set<UUID> createdBy(java.util.Collection<ChangeOperation> ops) {
        Set<UUID> created = new HashSet<>();
        ops.stream().filter(op -> op.getAction() == ChangeAction.CREATE).forEach(op -> created.add(op.getRecordId()));
        return created;
    }

    private <P> Set<RecordRef> references(RecordType<P> type, String payload) {
        return type.references(types.read(type, payload));
    }

    /** Applies one operation; returns every record it changed, itself first, with how. */
    private List<Map.Entry<RecordRef, ChangeAction>> apply(Changeset changeset, ChangeOperation op) {
        return applyTyped(types.get(op.getRecordKind()), changeset, op);
    }

    private <P> List<Map.Entry<RecordRef, ChangeAction>> applyTyped(RecordType<P> type, Changeset changeset,
            ChangeOperation op) {
        UUID projectId = changeset.getProjectId();
        P payload = op.getPayload() == null ? null : types.read(type, op.getPayload());
        if (op.getAction() != ChangeAction.DELETE) {
            type.validate(projectId, op.getRecordId(), op.getAction(), payload);
        }
        Set<RecordRef> alsoChanged = type.apply(projectId, op.getRecordId(), op.getAction(), payload);
        var changed = new java.util.ArrayList<Map.Entry<RecordRef, ChangeAction>>();
        changed.add(Map.entry(new RecordRef(type.kind(), op.getRecordId()), op.getAction()));
        alsoChanged.forEach(ref -> changed.add(Map.entry(ref, ChangeAction.UPDATE)));
        return changed;
    }

    /** Keeps the record's new state as its revision; returns the context it lives in now, if any. */
    private @Nullable UUID record(Changeset changeset, RecordRef ref, ChangeAction action, UUID reviewer, Instant now) {
        return snapshot(types.get(ref.kind()), changeset, ref, action, reviewer, now);
    }

    private <P> @Nullable UUID snapshot(RecordType<P> type, Changeset changeset, RecordRef ref, ChangeAction action,
            UUID reviewer, Instant now) {
        var current = type.current(changeset.getProjectId(), ref.id());
        revisions.save(new RecordRevision(changeset.getProjectId(), ref,
                current.map(RecordType.Current::version).orElse(null), action, changeset, reviewer, now,
                current.map(c -> types.write(c.payload())).orElse(null)));
        return current.map(c -> type.context(c.payload())).orElse(null);
    }

    private void decide(Changeset changeset, ChangesetState decision, UUID reviewer, @Nullable String comment,
            Instant now) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > Changeset.COMMENT_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + Changeset.COMMENT_MAX_LENGTH + " characters for the comment.");
        }
        changeset.decide(decision, reviewer, text, now);
        if (text != null) {
            comments.save(new ChangesetComment(changeset.getId(), reviewer, text, now));
        }
        events.publishEvent(new ChangesetDecided(changeset.getId(), changeset.getProjectId(), changeset.getAuthorId(),
                reviewer, decision, changeset.getMessage()));
    }

    private ReviewPolicies.Situation situation(Changeset changeset, ReviewAction action, @Nullable String comment) {
        ProjectRole role = access.require(changeset.getProjectId(), ProjectRole.EDITOR);
        return new ReviewPolicies.Situation(changeset, action, role, CurrentUser.require().userId(),
                projects.allowsSelfApproval(changeset.getProjectId()), comment);
    }

    private static void enforce(ReviewPolicies.Situation situation) {
        Allowance allowance = ReviewPolicies.check(situation);
        if (!allowance.allowed()) {
            if (!situation.callerRole().includes(ProjectRole.REVIEWER)) {
                throw new AccessDeniedException(allowance.reason());
            }
            throw new InvalidInputException(allowance.reason());
        }
    }

    private Changeset lockVisible(UUID changesetId) {
        return lookup.lockVisible(changesetId);
    }

    private Changeset visible(UUID changesetId) {
        return lookup.visible(changesetId);
    }
}
