package org.annals.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** An entity taking part in an event, in a role. */
@Embeddable
public record EventActor(@Column(name = "entity_id", nullable = false) UUID entityId,
        @Enumerated(EnumType.STRING) @Column(name = "role", nullable = false, length = 20) ActorRole role) {
}
