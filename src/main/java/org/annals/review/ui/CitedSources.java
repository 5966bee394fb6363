package org.annals.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.Citation;

/**
 * "Sources cited: title, title": the sources a record's values cite, each a link that opens the source.
 * Shown under a diff and under a revision; empty when nothing is cited.
 */
public class CitedSources extends Div {

    public CitedSources(UUID projectId, List<Citation> citations) {
        addClassName("cited-sources");
        setVisible(!citations.isEmpty());
        add(new Span(citations.size() == 1 ? "Source cited: " : "Sources cited: "));
        for (int i = 0; i < citations.size(); i++) {
            if (i > 0) {
                add(new Span(", "));
            }
            add(link(projectId, citations.get(i).sourceId(), citations.get(i).title()));
        }
    }

    /** A link that opens the source in the reader, inside the application (no full page load). */
    public static Anchor link(UUID projectId, UUID sourceId, String title) {
        var link = new Anchor(ProjectRoutes.sourcePath(projectId, sourceId), title);
        link.getElement().setAttribute("router-link", true);
        link.addClassName("source-link");
        return link;
    }
}
