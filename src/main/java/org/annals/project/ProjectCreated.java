package org.annals.project;

import java.util.UUID;

/** Published inside the transaction that creates a project, so features can set up its defaults. */
public record ProjectCreated(UUID projectId, UUID createdBy) {
}
