package org.annals.project.ui;

import java.util.Optional;
import java.util.UUID;

/** Addresses of project pages: {@code projects/<id>/<page>}. */
public final class ProjectRoutes {

    public static final String PROJECT_ID = "projectId";
    /** Route template prefix for every page inside a project. */
    public static final String PREFIX = "projects/:" + PROJECT_ID;

    private ProjectRoutes() {
    }

    public static String path(UUID projectId) {
        return "projects/" + projectId;
    }

    /** The source page (reader and annotation editor); used where a link cannot name the view's class. */
    public static String sourcePath(UUID projectId, UUID sourceId) {
        return path(projectId) + "/sources/" + sourceId;
    }

    /** The caller's working draft for the project (every item, submit, split, discard). */
    public static String draftPath(UUID projectId) {
        return path(projectId) + "/draft";
    }

    public static String eventPath(UUID projectId, UUID eventId) {
        return path(projectId) + "/events/" + eventId;
    }

    public static String entityPath(UUID projectId, UUID entityId) {
        return path(projectId) + "/entities/" + entityId;
    }

    public static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
