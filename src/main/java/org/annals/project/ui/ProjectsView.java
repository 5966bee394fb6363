package org.annals.project.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.annals.base.ui.EmptyState;
import org.annals.project.Project;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;

/** The start page: the projects the user belongs to, and a way to create one where allowed. */
@Route("")
@PageTitle("Projects · Annals")
@PermitAll
class ProjectsView extends VerticalLayout {

    private final ProjectService projects;
    private final Div list = new Div();

    ProjectsView(ProjectService projects) {
        this.projects = projects;
        addClassName("projects-view");
        var header = new HorizontalLayout(new H2("Projects"));
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        if (projects.mayCreateProjects()) {
            var create = new Button("New project", VaadinIcon.PLUS.create(), e -> openCreateDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
        }
        list.addClassName("project-list");
        add(header, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<ProjectSummary> mine = projects.myProjects();
        if (mine.isEmpty()) {
            list.add(projects.mayCreateProjects()
                    ? new EmptyState(VaadinIcon.FOLDER_ADD, "No projects yet",
                            "A project is one timeline that a team curates together. Create the first one.",
                            new Button("New project", e -> openCreateDialog()))
                    : new EmptyState(VaadinIcon.FOLDER_O, "You are not in any project yet",
                            "Ask a project manager to add you to their project. It will then appear here."));
            return;
        }
        mine.forEach(project -> list.add(card(project)));
    }

    private Div card(ProjectSummary project) {
        var link = new RouterLink(project.name(), ProjectOverviewView.class,
                new RouteParameters(ProjectRoutes.PROJECT_ID, project.id().toString()));
        link.addClassName("project-card-title");
        var role = new Span(project.myRole().displayName());
        role.addClassName("role-badge");
        var card = new Div(link, role);
        if (project.description() != null) {
            card.add(new Paragraph(project.description()));
        }
        card.addClassName("project-card");
        return card;
    }

    private void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New project");
        var name = new TextField("Name");
        name.setMaxLength(Project.NAME_MAX_LENGTH);
        name.setRequired(true);
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setMaxLength(Project.DESCRIPTION_MAX_LENGTH);
        description.setHelperText("What this timeline covers, for the people you will invite.");
        description.setWidthFull();
        var create = new Button("Create", e -> {
            ProjectSummary created = projects.create(name.getValue(), description.getValue());
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(ProjectOverviewView.class,
                    new RouteParameters(ProjectRoutes.PROJECT_ID, created.id().toString())));
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        dialog.add(new VerticalLayout(name, description));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        org.annals.base.ui.TypedWork.guard(dialog, name, description);
        dialog.open();
        name.focus();
    }
}
