package org.annals.review.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.base.ui.EmptyState;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;

/** The project's review page. Every member may open it. */
@Route(ProjectRoutes.PREFIX + "/review")
@PermitAll
class ReviewQueueView extends ProjectPage {

    ReviewQueueView(ProjectService projects) {
        super(projects, ProjectRole.VIEWER, "Review");
    }

    @Override
    protected void render(ProjectSummary project) {
        add(new EmptyState(VaadinIcon.CHECK_SQUARE_O, "Nothing to review",
                "Every change to a project goes through review. Proposals waiting for a decision will be listed here."));
    }
}
