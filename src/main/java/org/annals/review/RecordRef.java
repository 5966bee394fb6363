package org.annals.review;

import java.util.UUID;

/** A record of some kind, by id: what an operation changes or what a payload points to. */
public record RecordRef(String kind, UUID id) {
}
