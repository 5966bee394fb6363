package org.annals.source;

import java.util.UUID;

/** A source that already holds the same text: what a duplicate warning links to. */
public record ExistingSource(UUID id, String title) {
}
