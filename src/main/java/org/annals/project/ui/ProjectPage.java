package org.annals.project.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.springframework.security.access.AccessDeniedException;

/**
 * Base of every page inside a project. Before anything renders it loads the project through the
 * service, which refuses non-members with "not found", and then checks the role the page needs.
 * Subclasses only build their content.
 */
public abstract class ProjectPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    protected final ProjectService projectService;
    private final ProjectRole requiredRole;
    private final String pageName;
    private String title = "Annals";
    private RouteParameters routeParameters = RouteParameters.empty();
    private com.vaadin.flow.router.QueryParameters queryParameters = com.vaadin.flow.router.QueryParameters.empty();

    protected ProjectPage(ProjectService projectService, ProjectRole requiredRole, String pageName) {
        this.projectService = projectService;
        this.requiredRole = requiredRole;
        this.pageName = pageName;
        addClassName("project-page");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        UUID projectId = event.getRouteParameters().get(ProjectRoutes.PROJECT_ID)
                .flatMap(ProjectRoutes::parseId)
                .orElseThrow(() -> new NotFoundException("Project"));
        ProjectSummary project = projectService.get(projectId);
        if (!project.myRole().includes(requiredRole)) {
            throw new AccessDeniedException("This page needs the " + requiredRole.displayName() + " role.");
        }
        title = pageName + " · " + project.name() + " · Annals";
        routeParameters = event.getRouteParameters();
        queryParameters = event.getLocation().getQueryParameters();
        removeAll();
        if (showsPageHeading()) {
            add(new H2(pageName));
        }
        render(project);
    }

    /** Parameters of the address beyond the project id (a source id, say). */
    protected RouteParameters routeParameters() {
        return routeParameters;
    }

    /** The address's query (filters that live in the URL, say). */
    protected com.vaadin.flow.router.QueryParameters queryParameters() {
        return queryParameters;
    }

    /** Pages with a heading of their own (a source's title, say) turn the generic one off. */
    protected boolean showsPageHeading() {
        return true;
    }

    protected void setPageTitle(String pageTitle) {
        this.title = pageTitle;
    }

    /** Builds the page for a project the user may see with at least the required role. */
    protected abstract void render(ProjectSummary project);

    @Override
    public String getPageTitle() {
        return title;
    }
}
