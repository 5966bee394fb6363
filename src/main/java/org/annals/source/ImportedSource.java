package org.annals.source;

import java.util.UUID;

/** The outcome of one import. */
public record ImportedSource(UUID sourceId, String title, int textLength, int sections, int passages, int citations) {
}
