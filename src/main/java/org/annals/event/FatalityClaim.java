package org.annals.event;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What one source says about the dead: a number (minimum = maximum) or a range. Sources disagree,
 * so an event keeps every claim rather than one number.
 */
@Embeddable
public record FatalityClaim(@Column(name = "minimum", nullable = false) int minimum,
        @Column(name = "maximum", nullable = false) int maximum,
        @Column(name = "source_id") @Nullable UUID sourceId,
        @Column(name = "note", length = 500) @Nullable String note) {

    public static FatalityClaim exactly(int count, @Nullable UUID sourceId) {
        return new FatalityClaim(count, count, sourceId, null);
    }

    public String display() {
        return minimum == maximum ? Integer.toString(minimum) : minimum + "–" + maximum;
    }
}
