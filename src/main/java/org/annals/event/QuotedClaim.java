package org.annals.event;

import java.util.UUID;

/**
 * A vetted claim as seen from the annotation that quotes it (decision 0030): the event it belongs to, the claim,
 * and its value as text ("30 November 2024", "at least 12 civilians killed").
 *
 * @param eventLabel "Title (date)" of the event
 */
public record QuotedClaim(UUID eventId, String eventLabel, EventClaim claim, String value) {
}
