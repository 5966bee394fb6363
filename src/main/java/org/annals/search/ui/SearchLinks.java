package org.annals.search.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.annals.discussion.ThreadLinks;
import org.annals.project.ui.ProjectRoutes;
import org.annals.search.Audience;
import org.annals.search.SearchDocument;
import org.annals.source.SourceReferences;
import org.jspecify.annotations.Nullable;

/** Where a search hit opens, relative to the application's root. */
public final class SearchLinks {

    /** The query parameter with the words searched for, marked in the source page. */
    public static final String WORDS = "q";

    private SearchLinks() {
    }

    /** The project's results page for these words. */
    public static String results(UUID projectId, String words) {
        return SearchView.path(projectId) + "?" + WORDS + "=" + encoded(words);
    }

    /** A value in an address: spaces as %20, as the router writes them. */
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The source page scrolled to {@code [start, end)} with the words marked ({@code words} may be blank). */
    public static String sourceAt(UUID projectId, UUID sourceId, int start, int end, @Nullable String words) {
        return ProjectRoutes.sourceAt(projectId, sourceId, start, end, words);
    }

    /**
     * What a hit opens for {@code viewerId}: a passage or an annotation, the source at its range; a source,
     * the source; an event or entity, its page; a proposal, its changeset (in the author's list of changes
     * for its author, in the review queue for other editors); a draft, My draft; a comment, the page of the
     * commented record.
     */
    public static String of(SearchDocument hit, UUID viewerId, String words) {
        UUID project = hit.projectId();
        if (hit.audience() == Audience.OWNER) {
            return ProjectRoutes.draftPath(project);
        }
        if (hit.audience() == Audience.EDITORS && hit.changesetId() != null) {
            return ThreadLinks.changeset(project, hit.changesetId(), viewerId.equals(hit.ownerId()));
        }
        return switch (hit.kind()) {
            case PASSAGE, ANNOTATION -> hit.sourceId() == null ? ProjectRoutes.path(project)
                    : hit.start() >= 0 && hit.end() >= hit.start()
                            ? sourceAt(project, hit.sourceId(), hit.start(), hit.end(), words)
                            : ProjectRoutes.sourcePath(project, hit.sourceId());
            case SOURCE -> ProjectRoutes.sourcePath(project, hit.record().id());
            case EVENT -> ProjectRoutes.eventPath(project, hit.record().id());
            case ENTITY -> ProjectRoutes.entityPath(project, hit.record().id());
            case COMMENT -> SourceReferences.KIND.equals(hit.record().kind())
                    ? ProjectRoutes.sourcePath(project, hit.record().id())
                    : ThreadLinks.record(project, hit.record(), hit.sourceId());
        };
    }
}
