package org.annals.export.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.base.ui.EmptyState;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;

/** The project's export page. Every member may open it. */
@Route(ProjectRoutes.PREFIX + "/export")
@PermitAll
class ExportView extends ProjectPage {

    ExportView(ProjectService projects) {
        super(projects, ProjectRole.VIEWER, "Export");
    }

    @Override
    protected void render(ProjectSummary project) {
        add(new EmptyState(VaadinIcon.DOWNLOAD, "Nothing to export yet",
                "The vetted dataset (events, entities, annotations) can be exported as CSV and JSON once the project has vetted records."));
    }
}
