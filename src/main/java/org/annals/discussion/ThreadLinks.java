package org.annals.discussion;

import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventRecordType;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/** Where a thread (or what an activity line is about) is shown, relative to the application's root. */
public final class ThreadLinks {

    /** The query parameter of the annotation editor that opens one annotation. */
    public static final String ANNOTATION_PARAMETER = "annotation";
    /** The query parameter of the review pages that opens one changeset. */
    public static final String CHANGESET_PARAMETER = "changeset";

    private ThreadLinks() {
    }

    /** The page of the record: an event's or entity's own page, an annotation in its source. */
    public static String record(UUID projectId, RecordRef record, @Nullable UUID contextId) {
        return switch (record.kind()) {
            case EventRecordType.KIND -> ProjectRoutes.eventPath(projectId, record.id());
            case EntityRecordType.KIND -> ProjectRoutes.entityPath(projectId, record.id());
            case AnnotationRecordType.KIND -> contextId == null ? ProjectRoutes.path(projectId)
                    : ProjectRoutes.sourcePath(projectId, contextId) + "?" + ANNOTATION_PARAMETER + "=" + record.id();
            default -> ProjectRoutes.path(projectId);
        };
    }

    /** A changeset, in the author's list of changes or in the review queue. */
    public static String changeset(UUID projectId, UUID changesetId, boolean forAuthor) {
        return ProjectRoutes.path(projectId) + (forAuthor ? "/changes" : "/review") + "?" + CHANGESET_PARAMETER + "="
                + changesetId;
    }

    public static String source(UUID projectId, UUID sourceId) {
        return ProjectRoutes.sourcePath(projectId, sourceId);
    }
}
