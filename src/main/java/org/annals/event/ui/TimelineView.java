package org.annals.event.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.base.ui.EmptyState;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;

/** The project's timeline page. Every member may open it. */
@Route(ProjectRoutes.PREFIX + "/timeline")
@PermitAll
class TimelineView extends ProjectPage {

    TimelineView(ProjectService projects) {
        super(projects, ProjectRole.VIEWER, "Timeline");
    }

    @Override
    protected void render(ProjectSummary project) {
        add(new EmptyState(VaadinIcon.CALENDAR_CLOCK, "The timeline is empty",
                "Vetted events will appear here in date order once editors propose them and reviewers approve them."));
    }
}
