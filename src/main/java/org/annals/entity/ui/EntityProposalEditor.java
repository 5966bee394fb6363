package org.annals.entity.ui;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.ui.RecordEditor;
import org.springframework.stereotype.Component;

/** Edits an entity proposal in place: the changeset keeps its id, discussion and history. */
@Component
class EntityProposalEditor implements RecordEditor {

    private final EntityService entities;
    private final ChangesetService changesets;

    EntityProposalEditor(EntityService entities, ChangesetService changesets) {
        this.entities = entities;
        this.changesets = changesets;
    }

    @Override
    public String kind() {
        return EntityRecordType.KIND;
    }

    @Override
    public void edit(UUID projectId, UUID changesetId, String message, ProposedOperation operation, Runnable revised) {
        edit(projectId, changesetId, message, operation, revised, java.util.Map.of());
    }

    @Override
    public void edit(UUID projectId, UUID changesetId, String message, ProposedOperation operation, Runnable revised,
            java.util.Map<String, String> kept) {
        var form = new EntityForm(entities, projectId, (EntityPayload) operation.payload(), message,
                RecordEditor.proposalForm(changesetId), (values, version, newMessage, submit) -> {
                    changesets.revise(changesetId, newMessage, List.of(new ProposedOperation(operation.kind(),
                            operation.recordId(), operation.action(), operation.baseVersion(), values)));
                    if (submit) {
                        changesets.submit(changesetId);
                    }
                    return new EntityService.Proposal(changesetId, operation.recordId());
                }, proposal -> revised.run());
        if (!kept.isEmpty()) {
            form.restore(kept);
        }
        form.open();
    }

    @Override
    public boolean rebase(UUID projectId, UUID changesetId, String message, ChangesetService.Rebase conflict,
            Runnable rebased) {
        if (conflict.recordGone() || conflict.current() == null || conflict.currentVersion() == null
                || conflict.proposed().payload() == null) {
            return false;
        }
        var mine = (EntityPayload) conflict.proposed().payload();
        var now = (EntityPayload) conflict.current();
        // Not kept in the browser: the comparison it opens with cannot be rebuilt from a copy.
        var form = new EntityForm(entities, projectId, mine, message, null, (values, version, newMessage, submit) -> {
            changesets.rebase(changesetId, ProposedOperation.update(EntityRecordType.KIND, conflict.proposed().recordId(),
                    version, values));
            return new EntityService.Proposal(changesetId, conflict.proposed().recordId());
        }, proposal -> rebased.run());
        form.conflictWith(now, conflict.currentVersion(), "Someone else's change to this entity was approved after you"
                + " proposed yours.", conflict.startedFrom() == null ? now : (EntityPayload) conflict.startedFrom());
        form.open();
        return true;
    }
}
