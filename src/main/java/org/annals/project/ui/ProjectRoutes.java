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

    public static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
