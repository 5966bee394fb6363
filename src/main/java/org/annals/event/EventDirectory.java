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
    private final org.annals.entity.EntityDirectory entities;
    private final EventTypeRepository types;

    EventDirectory(EventRecordRepository events, org.annals.entity.EntityDirectory entities, EventTypeRepository types) {
        this.events = events;
        this.entities = entities;
        this.types = types;
    }

    /**
     * The project's vetted claims that these annotations quote, each with its event: the other direction of a
     * claim's quote, found by the index on {@code event_claim.annotation_id}. In event and claim order.
     */
    public java.util.List<QuotedClaim> claimsQuoting(UUID projectId, Collection<UUID> annotationIds) {
        if (annotationIds.isEmpty()) {
            return java.util.List.of();
        }
        var result = new java.util.ArrayList<QuotedClaim>();
        for (EventRecord event : events.findQuoting(projectId, annotationIds)) {
            EventPayload values = event.values();
            String label = event.getTitle() + " (" + values.start().display() + ")";
            values.claims().stream().filter(c -> c.annotationId() != null && annotationIds.contains(c.annotationId()))
                    .forEach(c -> result.add(new QuotedClaim(event.getId(), label, c, EventClaims.valueText(c,
                            entities::displayName, id -> types.findById(id).map(EventType::getName).orElse("?")))));
        }
        result.sort(java.util.Comparator.comparing(QuotedClaim::eventLabel).thenComparing(q -> q.eventId()));
        return result;
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
