package org.annals.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** Another name of an entity, in any script, with its language when known ("حلب", "ar"). */
@Embeddable
public record Alias(@Column(name = "name", nullable = false, length = 300) String name,
        @Column(name = "language", length = 35) @Nullable String language) {
}
