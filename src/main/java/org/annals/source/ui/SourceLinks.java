package org.annals.source.ui;

import com.vaadin.flow.component.html.Anchor;
import java.util.Locale;
import java.util.UUID;
import org.annals.project.ui.ProjectRoutes;

/**
 * Links to a source's page. The page itself (reader and annotation editor) belongs to the
 * annotation feature, which builds on sources; linking by address keeps this package free of it.
 */
public final class SourceLinks {

    private SourceLinks() {
    }

    /** A link that the router follows without reloading the page. */
    public static Anchor to(UUID projectId, UUID sourceId, String text) {
        var link = new Anchor(ProjectRoutes.sourcePath(projectId, sourceId), text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    /** A text length as people read it: "950 characters", "12.3k characters". */
    public static String size(int characters) {
        if (characters < 1000) {
            return characters + " characters";
        }
        return String.format(Locale.ROOT, "%.1fk characters", characters / 1000.0);
    }
}
