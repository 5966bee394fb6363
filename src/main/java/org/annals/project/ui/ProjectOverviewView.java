package org.annals.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.project.Project;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;

/** A project's home: what it is, the user's role, and (for managers) its name and description. */
@Route(ProjectRoutes.PREFIX)
@PermitAll
class ProjectOverviewView extends ProjectPage {

    ProjectOverviewView(ProjectService projects) {
        super(projects, ProjectRole.VIEWER, "Overview");
    }

    @Override
    protected void render(ProjectSummary project) {
        var name = new Span(project.name());
        name.addClassName("project-title");
        add(name);
        add(new Paragraph(project.description() != null ? project.description() : "No description yet."));
        var role = new Paragraph("Your role: " + project.myRole().displayName() + ". " + explain(project.myRole()));
        role.addClassName("my-role");
        add(role);
        if (project.myRole().includes(ProjectRole.MANAGER)) {
            var edit = new Button("Edit name and description", e -> openEditDialog(project));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            var selfApproval = new Checkbox("Reviewers may approve their own changesets",
                    projectService.allowsSelfApproval(project.id()));
            selfApproval.setHelperText("Off by default: every change is checked by a second person.");
            selfApproval.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    projectService.setAllowSelfApproval(project.id(), e.getValue());
                }
            });
            var delete = new Button("Delete project…", e -> openDeleteDialog(project));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(edit, selfApproval, delete);
        }
    }

    /**
     * Says first what goes (counted), and deletes only once the manager has typed the project's name:
     * a deletion cannot be undone.
     */
    private void openDeleteDialog(ProjectSummary project) {
        var contents = projectService.contents(project.id());
        var dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + project.name() + "?");
        dialog.addClassName("delete-project-dialog");
        var what = new Paragraph("This deletes the project for everyone, with everything in it: "
                + contents.describe() + ". Its history, discussions, releases and the API tokens bound to it go"
                + " too. This cannot be undone; export or publish a release first if you want to keep a copy.");
        what.addClassName("delete-project-contents");
        var typed = new TextField("Type the project's name to confirm");
        typed.setWidthFull();
        typed.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        var error = new Paragraph();
        error.addClassName("form-error");
        var confirm = new Button("Delete this project", e -> {
            try {
                var removed = projectService.delete(project.id(), typed.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(""));
                com.vaadin.flow.component.notification.Notification.show("Deleted \"" + project.name() + "\" with "
                        + removed.describe() + ".", 6000, com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
            } catch (org.annals.base.InvalidInputException refused) {
                error.setText(refused.getMessage());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        typed.addValueChangeListener(e -> confirm.setEnabled(e.getValue().strip().equals(project.name())));
        dialog.add(new VerticalLayout(what, typed, error));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private static String explain(ProjectRole role) {
        return switch (role) {
            case VIEWER -> "You can read the vetted timeline and export it.";
            case EDITOR -> "You can propose changes; reviewers decide on them.";
            case REVIEWER -> "You can propose changes and decide on other people's proposals.";
            case MANAGER -> "You can also manage members and the project's settings.";
        };
    }

    private void openEditDialog(ProjectSummary project) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Edit project");
        var name = new TextField("Name", project.name(), "");
        name.setMaxLength(Project.NAME_MAX_LENGTH);
        name.setWidthFull();
        var description = new TextArea("Description");
        description.setValue(project.description() == null ? "" : project.description());
        description.setMaxLength(Project.DESCRIPTION_MAX_LENGTH);
        description.setWidthFull();
        var save = new Button("Save", e -> {
            projectService.describe(project.id(), name.getValue(), description.getValue());
            dialog.close();
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, description));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        org.annals.base.ui.TypedWork.guard(dialog, name, description);
        dialog.open();
    }
}
