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
        var form = new EntityForm(entities, projectId, (EntityPayload) operation.payload(), message,
                (values, newMessage, submit) -> {
                    changesets.revise(changesetId, newMessage, List.of(new ProposedOperation(operation.kind(),
                            operation.recordId(), operation.action(), operation.baseVersion(), values)));
                    if (submit) {
                        changesets.submit(changesetId);
                    }
                    return new EntityService.Proposal(changesetId, operation.recordId());
                }, proposal -> revised.run());
        form.open();
    }
}
