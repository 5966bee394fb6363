package org.annals.event.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.event.EventRecordType;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangeAction;
import org.annals.review.WorkingDraftService;
import org.annals.review.ui.RecordLinks;
import org.springframework.stereotype.Component;

/**
 * A change or deletion of an event in a draft links to its page; a new one has no page until it is
 * approved.
 */
@Component
class EventLinks implements RecordLinks {

    @Override
    public String kind() {
        return EventRecordType.KIND;
    }

    @Override
    public Map<UUID, Link> links(UUID projectId, List<WorkingDraftService.DraftItem> items) {
        var links = new HashMap<UUID, Link>();
        items.stream().filter(item -> item.action() != ChangeAction.CREATE).forEach(item -> links.put(item.recordId(),
                new Link(ProjectRoutes.eventPath(projectId, item.recordId()), "Open the event")));
        return links;
    }
}
