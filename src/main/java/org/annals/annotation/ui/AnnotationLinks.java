package org.annals.annotation.ui;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.annals.annotation.AnnotationRecordType;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.WorkingDraftService;
import org.annals.review.ui.RecordLinks;
import org.annals.source.SourceService;
import org.springframework.stereotype.Component;

/** An annotation in a draft is shown at its passage: the source, opened with the annotation chosen. */
@Component
class AnnotationLinks implements RecordLinks {

    private final SourceService sources;

    AnnotationLinks(SourceService sources) {
        this.sources = sources;
    }

    @Override
    public String kind() {
        return AnnotationRecordType.KIND;
    }

    @Override
    public Map<UUID, Link> links(UUID projectId, List<WorkingDraftService.DraftItem> items) {
        Set<UUID> sourceIds = new HashSet<>();
        items.stream().map(WorkingDraftService.DraftItem::contextId).filter(Objects::nonNull).forEach(sourceIds::add);
        Map<UUID, String> titles = sources.titles(projectId, sourceIds);
        var links = new HashMap<UUID, Link>();
        for (var item : items) {
            String title = item.contextId() == null ? null : titles.get(item.contextId());
            if (title != null) {
                links.put(item.recordId(), new Link(ProjectRoutes.sourcePath(projectId, item.contextId()) + "?"
                        + ReaderView.ANNOTATION_PARAMETER + "=" + item.recordId(), title));
            }
        }
        return links;
    }
}
