package org.annals.source.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.base.ui.EmptyState;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;

/** The project's sources page. Every member may open it. */
@Route(ProjectRoutes.PREFIX + "/sources")
@PermitAll
class SourcesView extends ProjectPage {

    SourcesView(ProjectService projects) {
        super(projects, ProjectRole.VIEWER, "Sources");
    }

    @Override
    protected void render(ProjectSummary project) {
        add(new EmptyState(VaadinIcon.FILE_TEXT_O, "No sources yet",
                "Sources are the texts a team annotates"));
    }
}
