package org.annals.project;

import java.util.UUID;

/**
 * Published inside the transaction that deleted a project, with everything in it. Features that keep
 * things outside the database (release files) remove them once it is committed; open pages of the
 * project are told (the collab bus) and leave it.
 */
public record ProjectDeleted(UUID projectId, String name, UUID deletedBy, String deletedByName) {
}
