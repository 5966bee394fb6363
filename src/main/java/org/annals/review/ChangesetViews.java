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
import org.springframework.stereotype.Component;

/** Builds what lists and the review page show of changesets: names, labels and field-by-field diffs. */
@Component
class ChangesetViews {

    private final ChangeOperationRepository operations;
    private final ChangesetCommentRepository comments;
    private final RecordTypes types;
    private final UserDirectory directory;

    ChangesetViews(ChangeOperationRepository operations, ChangesetCommentRepository comments, RecordTypes types,
            UserDirectory directory) {
        this.operations = operations;
        this.comments = comments;
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
        for (ChangeOperation op : operations.findByChangesetIdOrderByOrdinal(changeset.getId())) {
            diffs.add(diff(changeset.getProjectId(), op));
        }
        var discussion = discussion(changeset);
        return new ChangesetDetails(summaries(List.of(changeset)).getFirst(),
                changeset.getDecidedBy() == null ? null : name(changeset.getDecidedBy()), changeset.getDecidedAt(),
                changeset.getDecisionComment(), diffs, discussion);
    }

    List<ChangesetDetails.Comment> discussion(Changeset changeset) {
        Map<UUID, String> names = new HashMap<>();
        return comments.findByChangesetIdOrderByCreatedAt(changeset.getId()).stream()
                .map(c -> new ChangesetDetails.Comment(names.computeIfAbsent(c.getAuthorId(), this::name), c.getBody(),
                        c.getCreatedAt()))
                .toList();
    }

    private ChangesetDetails.OperationDiff diff(UUID projectId, ChangeOperation op) {
        RecordType<?> type = types.get(op.getRecordKind());
        var current = currentFields(type, projectId, op.getRecordId());
        LinkedHashMap<String, String> before = current.fields();
        LinkedHashMap<String, String> after = op.getAction() == ChangeAction.DELETE ? new LinkedHashMap<>()
                : types.describe(op.getRecordKind(), op.getPayload());
        if (op.getAction() == ChangeAction.DELETE && before.isEmpty()) {
            before = types.describe(op.getRecordKind(), op.getPayload());
        }
        var fields = new ArrayList<ChangesetDetails.FieldChange>();
        var names = new LinkedHashSet<String>(before.keySet());
        names.addAll(after.keySet());
        for (String field : names) {
            fields.add(new ChangesetDetails.FieldChange(field, before.get(field), after.get(field)));
        }
        List<Citation> citations = op.getAction() != ChangeAction.DELETE
                ? types.citations(op.getRecordKind(), op.getPayload())
                : current.citations().isEmpty() ? types.citations(op.getRecordKind(), op.getPayload()) : current.citations();
        return new ChangesetDetails.OperationDiff(op.getRecordId(), op.getRecordKind(), type.displayName(),
                op.getAction(), op.getLabel(), op.getBaseVersion(), current.version(), fields, citations);
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
