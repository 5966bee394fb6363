package org.annals.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.account.UserDirectory;
import org.annals.account.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds what lists and the review page show of changesets: names, labels and field-by-field diffs. */
@Component
class ChangesetViews {

    private final ChangeOperationRepository operations;
    private final ChangesetCommentRepository comments;
    private final RecordRevisionRepository revisions;
    private final RecordTypes types;
    private final UserDirectory directory;
    private final ChangesetDependencies dependencies;

    ChangesetViews(ChangeOperationRepository operations, ChangesetCommentRepository comments,
            RecordRevisionRepository revisions, RecordTypes types, UserDirectory directory,
            ChangesetDependencies dependencies) {
        this.dependencies = dependencies;
        this.operations = operations;
        this.comments = comments;
        this.revisions = revisions;
        this.types = types;
        this.directory = directory;
    }

    List<ChangesetSummary> summaries(List<Changeset> changesets) {
        Map<UUID, List<String>> labels = operations.findByChangesetIdInOrderByOrdinal(
                        changesets.stream().map(Changeset::getId).toList()).stream()
                .collect(Collectors.groupingBy(ChangeOperation::getChangesetId, LinkedHashMap::new,
                        Collectors.mapping(o -> actionWord(o.getAction()) + " " + o.getLabel(), Collectors.toList())));
        Map<UUID, String> names = new HashMap<>();
        return changesets.stream().map(c -> new ChangesetSummary(c.getId(), c.getProjectId(), c.getAuthorId(),
                names.computeIfAbsent(c.getAuthorId(), this::name), c.getMessage(), c.getState(), c.getUpdatedAt(),
                c.getSubmittedAt(), labels.getOrDefault(c.getId(), List.of()))).toList();
    }

    ChangesetDetails details(Changeset changeset) {
        var diffs = new ArrayList<ChangesetDetails.OperationDiff>();
        boolean applied = changeset.getState() == ChangesetState.APPROVED;
        for (ChangeOperation op : operations.findByChangesetIdOrderByOrdinal(changeset.getId())) {
            diffs.add(applied ? appliedDiff(changeset, op) : diff(changeset.getProjectId(), op));
        }
        var discussion = discussion(changeset);
        return new ChangesetDetails(summaries(List.of(changeset)).getFirst(),
                changeset.getDecidedBy() == null ? null : name(changeset.getDecidedBy()), changeset.getDecidedAt(),
                changeset.getDecisionComment(), diffs, discussion, links(dependencies.openDependencies(changeset.getId())),
                links(dependencies.openDependents(changeset.getId())));
    }

    private List<ChangesetDetails.Link> links(List<Changeset> changesets) {
        return changesets.stream().map(c -> new ChangesetDetails.Link(c.getId(), c.getMessage(), name(c.getAuthorId()),
                c.getState())).toList();
    }

    List<ChangesetDetails.Comment> discussion(Changeset changeset) {
        Map<UUID, String> names = new HashMap<>();
        return comments.findByChangesetIdOrderByCreatedAt(changeset.getId()).stream()
                .map(c -> new ChangesetDetails.Comment(names.computeIfAbsent(c.getAuthorId(), this::name), c.getBody(),
                        c.getCreatedAt()))
                .toList();
    }

    /** A pending (or refused) operation: the vetted record as it is now against what is proposed. */
    private ChangesetDetails.OperationDiff diff(UUID projectId, ChangeOperation op) {
        RecordType<?> type = types.get(op.getRecordKind());
        var current = currentFields(type, projectId, op.getRecordId());
        LinkedHashMap<String, String> before = current.fields();
        LinkedHashMap<String, String> after = op.getAction() == ChangeAction.DELETE ? new LinkedHashMap<>()
                : types.describe(op.getRecordKind(), op.getPayload());
        if (op.getAction() == ChangeAction.DELETE && before.isEmpty()) {
            before = types.describe(op.getRecordKind(), op.getPayload());
        }
        return operationDiff(type, op, current.version(), before, after, current.citations());
    }

    /**
     * An applied operation, from the record's revisions: the revision this changeset replaced against
     * the one it made. The record as it is now would be wrong on both sides: right after approval it
     * equals the "after", and later changes are not this changeset's.
     */
    private ChangesetDetails.OperationDiff appliedDiff(Changeset changeset, ChangeOperation op) {
        RecordType<?> type = types.get(op.getRecordKind());
        List<RecordRevision> history = revisions.findByProjectIdAndRecordKindAndRecordIdOrderByAppliedAtAscIdAsc(
                changeset.getProjectId(), op.getRecordKind(), op.getRecordId());
        int first = -1;
        int last = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).getChangesetId().equals(changeset.getId())) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            // No revision of this changeset (records from before revisions were kept): what was proposed, against nothing known.
            LinkedHashMap<String, String> proposed = types.describe(op.getRecordKind(), op.getPayload());
            return operationDiff(type, op, op.getBaseVersion(), op.getAction() == ChangeAction.DELETE ? proposed
                    : new LinkedHashMap<>(), op.getAction() == ChangeAction.DELETE ? new LinkedHashMap<>() : proposed,
                    List.of());
        }
        RecordRevision replaced = first > 0 ? history.get(first - 1) : null;
        LinkedHashMap<String, String> before = replaced == null ? new LinkedHashMap<>()
                : types.describe(op.getRecordKind(), replaced.getSnapshot());
        LinkedHashMap<String, String> after = types.describe(op.getRecordKind(), history.get(last).getSnapshot());
        return operationDiff(type, op, replaced == null ? null : replaced.getRecordVersion(), before, after,
                replaced == null ? List.of() : types.citations(op.getRecordKind(), replaced.getSnapshot()));
    }

    private ChangesetDetails.OperationDiff operationDiff(RecordType<?> type, ChangeOperation op,
            @Nullable Long beforeVersion, LinkedHashMap<String, String> before, LinkedHashMap<String, String> after,
            List<Citation> citedBefore) {
        var fields = new ArrayList<ChangesetDetails.FieldChange>();
        var names = new LinkedHashSet<String>(before.keySet());
        names.addAll(after.keySet());
        for (String field : names) {
            fields.add(new ChangesetDetails.FieldChange(field, before.get(field), after.get(field)));
        }
        List<Citation> citations = op.getAction() != ChangeAction.DELETE
                ? types.citations(op.getRecordKind(), op.getPayload())
                : citedBefore.isEmpty() ? types.citations(op.getRecordKind(), op.getPayload()) : citedBefore;
        return new ChangesetDetails.OperationDiff(op.getRecordId(), op.getRecordKind(), type.displayName(),
                op.getAction(), op.getLabel(), op.getBaseVersion(), beforeVersion, fields, citations);
    }

    private record Fields(LinkedHashMap<String, String> fields, Long version, List<Citation> citations) {
    }

    private <P> Fields currentFields(RecordType<P> type, UUID projectId, UUID recordId) {
        return type.current(projectId, recordId)
                .map(c -> new Fields(type.describe(c.payload()), c.version(), type.citations(c.payload())))
                .orElse(new Fields(new LinkedHashMap<>(), null, List.of()));
    }

    String name(UUID userId) {
        return directory.find(userId).map(UserSummary::label).orElse("a removed user");
    }

    static String actionWord(ChangeAction action) {
        return switch (action) {
            case CREATE -> "Create";
            case UPDATE -> "Change";
            case DELETE -> "Delete";
        };
    }
}
