package org.annals.event.ui;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityService;
import org.annals.event.EventPayload;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.ui.RecordEditor;
import org.annals.source.SourceService;
import org.springframework.stereotype.Component;

/**
 * Edits an event proposal in place (a draft, or one sent back for changes), and moves a stale one onto
 * the event's current version with the author's values carried over: the changeset keeps its id, its
 * discussion and its place in the review queue.
 */
@Component
class EventProposalEditor implements RecordEditor {

    private final EventService events;
    private final EntityService entities;
    private final TaxonomyService taxonomy;
    private final SourceService sources;
    private final ChangesetService changesets;
    private final org.annals.annotation.AnnotationService annotations;

    EventProposalEditor(EventService events, EntityService entities, TaxonomyService taxonomy, SourceService sources,
            ChangesetService changesets, org.annals.annotation.AnnotationService annotations) {
        this.annotations = annotations;
        this.events = events;
        this.entities = entities;
        this.taxonomy = taxonomy;
        this.sources = sources;
        this.changesets = changesets;
    }

    @Override
    public String kind() {
        return EventRecordType.KIND;
    }

    @Override
    public void edit(UUID projectId, UUID changesetId, String message, ProposedOperation operation, Runnable revised) {
        edit(projectId, changesetId, message, operation, revised, java.util.Map.of());
    }

    @Override
    public void edit(UUID projectId, UUID changesetId, String message, ProposedOperation operation, Runnable revised,
            java.util.Map<String, String> kept) {
        long version = operation.baseVersion() == null ? 0 : operation.baseVersion();
        TimelineEntry proposed = events.describe(projectId, operation.recordId(), version,
                (EventPayload) operation.payload());
        var form = new EventForm(events, entities, taxonomy, sources, annotations, projectId, proposed, message,
                RecordEditor.proposalForm(changesetId), (basedOn, values, newMessage, submit) -> {
                    changesets.revise(changesetId, newMessage, List.of(new ProposedOperation(operation.kind(),
                            operation.recordId(), operation.action(), operation.baseVersion(), values)));
                    if (submit) {
                        changesets.submit(changesetId);
                    }
                    return new EventService.Proposal(changesetId, operation.recordId());
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
                || conflict.proposed().payload() == null || conflict.proposed().baseVersion() == null) {
            return false;
        }
        UUID id = conflict.proposed().recordId();
        TimelineEntry mine = events.describe(projectId, id, conflict.proposed().baseVersion(),
                (EventPayload) conflict.proposed().payload());
        TimelineEntry now = events.describe(projectId, id, conflict.currentVersion(), (EventPayload) conflict.current());
        TimelineEntry started = conflict.startedFrom() == null ? now
                : events.describe(projectId, id, conflict.proposed().baseVersion(), (EventPayload) conflict.startedFrom());
        // Not kept in the browser: the comparison it opens with cannot be rebuilt from a copy.
        var form = new EventForm(events, entities, taxonomy, sources, annotations, projectId, mine, message, null, (basedOn, values, newMessage, submit) -> {
                    // basedOn is the version the person carried their values over to (the form refuses to
                    // save before they have compared).
                    changesets.rebase(changesetId, ProposedOperation.update(EventRecordType.KIND, id,
                            basedOn == null ? conflict.currentVersion() : basedOn.version(), values));
                    return new EventService.Proposal(changesetId, id);
                }, proposal -> rebased.run());
        form.conflictWith(now, "Someone else's change to this event was approved after you proposed yours.", started);
        form.open();
        return true;
    }
}
