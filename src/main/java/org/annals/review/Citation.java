package org.annals.review;

import java.util.UUID;

/** A source that a record's values cite (the source of a fatality claim), so that pages can name and link it. */
public record Citation(UUID sourceId, String title) {
}
