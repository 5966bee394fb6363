package org.annals.annotation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.Evidence;
import org.annals.project.ui.ProjectRoutes;

/**
 * The evidence of an event or entity: every vetted annotation linked to it, across all sources, with
 * the quote in its context and a link that opens the source at that passage.
 */
public class EvidenceList extends Div {

    public EvidenceList(UUID projectId, List<Evidence> evidence) {
        addClassName("evidence-list");
        if (evidence.isEmpty()) {
            add(new Paragraph("No vetted annotation links here yet. Mark a passage of a source and link it to this"
                    + " record to add evidence."));
            return;
        }
        long sources = evidence.stream().map(Evidence::sourceId).distinct().count();
        add(new Paragraph(evidence.size() + (evidence.size() == 1 ? " annotation" : " annotations") + " in " + sources
                + (sources == 1 ? " source." : " sources.")));
        for (Evidence e : evidence) {
            var link = new Anchor(ProjectRoutes.sourcePath(projectId, e.sourceId()) + "?" + ReaderView.ANNOTATION_PARAMETER
                    + "=" + e.annotationId(), e.sourceTitle());
            link.getElement().setAttribute("router-link", true);
            var exact = new Span(e.exact());
            exact.addClassName("annotation-exact");
            var quote = new Div(new Span("…" + e.prefix()), exact, new Span(e.suffix() + "…"));
            quote.addClassName("annotation-context");
            var type = new Span(e.type().displayName());
            type.addClassName("evidence-type");
            var item = new Div(new Div(link, new Span(" · "), type), quote);
            item.addClassName("evidence-item");
            item.getElement().setAttribute("data-annotation", e.annotationId().toString());
            add(item);
        }
    }
}
