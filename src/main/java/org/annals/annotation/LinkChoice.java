package org.annals.annotation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.annals.entity.EntityPayload;
import org.annals.event.EventPayload;

/** What an annotation is linked to, as the editor chooses it: nothing, an existing record, or a new one. */
public sealed interface LinkChoice {

    record None() implements LinkChoice {
    }

    /** A vetted record, or one proposed in an open changeset ({@code kind} EVENT or ENTITY). */
    record Existing(String kind, UUID id) implements LinkChoice {
    }

    /** A new entity, proposed in the same changeset as the annotation. */
    record NewEntity(EntityPayload values) implements LinkChoice {
    }

    /**
     * A new event, proposed in the same changeset as the annotation, with the new entities it names
     * (created in the event form, by the ids its place and actors use) proposed there before it.
     */
    record NewEvent(EventPayload values, Map<UUID, EntityPayload> newEntities) implements LinkChoice {

        public NewEvent {
            newEntities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(newEntities));
        }

        public NewEvent(EventPayload values) {
            this(values, Map.of());
        }
    }

    static LinkChoice none() {
        return new None();
    }
}
