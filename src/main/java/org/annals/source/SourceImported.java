package org.annals.source;

import java.time.Instant;
import java.util.UUID;

/** A source was imported into a project (published in the import's transaction). */
public record SourceImported(UUID projectId, UUID sourceId, String title, UUID importerId, Instant at) {
}
