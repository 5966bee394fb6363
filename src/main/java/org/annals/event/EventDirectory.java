package org.annals.event;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event labels for other features (annotations name the event they point at). No permission check
 * of its own: callers are services that have checked the project role already.
 */
@Component
@Transactional(readOnly = true)
public class EventDirectory {

    private final EventRecordRepository events;

    EventDirectory(EventRecordRepository events) {
        this.events = events;
    }

    /** The label of an event for diffs and history; "(proposed event)" when it does not exist yet. */
    public String displayName(UUID eventId) {
        return events.findById(eventId).map(e -> e.getTitle() + " (" + e.values().start().display() + ")")
                .orElse("(proposed event)");
    }

    /** "Title (date)" of the project's vetted events among these ids. */
    public Map<UUID, String> labels(UUID projectId, Collection<UUID> ids) {
        var labels = new LinkedHashMap<UUID, String>();
        if (!ids.isEmpty()) {
            events.findAllById(ids).stream().filter(e -> e.getProjectId().equals(projectId))
                    .forEach(e -> labels.put(e.getId(), e.getTitle() + " (" + e.values().start().display() + ")"));
        }
        return labels;
    }
}
