package org.annals.project.ui;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

    /** The source page's parameter for a range to open at and mark: {@code at=start-end}. */
    public static final String SOURCE_RANGE_PARAMETER = "at";
    /** The source page's parameter for words to find in the source: {@code q=words}. */
    public static final String SOURCE_WORDS_PARAMETER = "q";

    /**
     * The source page opened at {@code [start, end)} (UTF-16 offsets into the source's frozen text) with
     * that range marked, and with "find in this source" filled with the words, if any (a search hit).
     */
    public static String sourceAt(UUID projectId, UUID sourceId, int start, int end, @Nullable String words) {
        String address = sourcePath(projectId, sourceId) + "?" + SOURCE_RANGE_PARAMETER + "=" + start + "-" + end;
        if (words == null || words.isBlank()) {
            return address;
        }
        return address + "&" + SOURCE_WORDS_PARAMETER + "="
                + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
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
