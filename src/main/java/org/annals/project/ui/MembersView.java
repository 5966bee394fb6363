package org.annals.project.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.account.UserSummary;
import org.annals.project.MemberSummary;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;

/** Managers add and remove members and change their roles. */
@Route(ProjectRoutes.PREFIX + "/members")
@PermitAll
class MembersView extends ProjectPage {


    private final Grid<MemberSummary> grid = new Grid<>();
    private ProjectSummary project;

    MembersView(ProjectService projects) {
        super(projects, ProjectRole.MANAGER, "Members");
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        add(new Paragraph("Viewers read and export; editors propose changes; reviewers also decide on"
                + " proposals; managers also manage members and settings."));
        add(addMemberForm());
        configureGrid();
        add(grid);
        refresh();
    }

    private HorizontalLayout addMemberForm() {
        var user = new ComboBox<UserSummary>("Add a user");
        user.setItemLabelGenerator(UserSummary::label);
        user.setPlaceholder("Type a user name");
        // The service returns at most 50 matches: enough to pick from, and typing narrows the list.
        user.setItems(query -> projectService.memberCandidates(project.id(), query.getFilter().orElse(""),
                        query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()).limit(query.getLimit()));
        user.setMinWidth("18em");
        var role = roleSelect();
        role.setLabel("Role");
        role.setValue(ProjectRole.EDITOR);
        var add = new Button("Add member", VaadinIcon.PLUS.create(), e -> {
            if (user.getValue() == null) {
                Notification.show("Choose a user to add first.");
                return;
            }
            MemberSummary added = projectService.addMember(project.id(), user.getValue().username(), role.getValue());
            Notification.show(added.label() + " added as " + added.role().displayName() + ".");
            user.clear();
            refresh();
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(user, role, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.addClassName("add-member-form");
        return form;
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(MemberSummary::label).setHeader("Member").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(member -> {
            var role = roleSelect();
            role.setValue(member.role());
            role.setAriaLabel("Role of " + member.username());
            role.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    try {
                        projectService.changeRole(project.id(), member.userId(), e.getValue());
                        Notification.show("Role of " + member.username() + " is now " + e.getValue().displayName() + ".");
                    } finally {
                        refresh();
                    }
                }
            });
            return role;
        }).setHeader("Role").setAutoWidth(true);
        grid.addColumn(member -> member.enabled() ? Moments.day(member.addedAt()) : "account disabled")
                .setHeader("Member since").setAutoWidth(true);
        grid.addComponentColumn(member -> {
            var remove = new Button("Remove", e -> confirmRemoval(member));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove " + member.username());
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
    }

    private void confirmRemoval(MemberSummary member) {
        var confirm = new ConfirmDialog("Remove " + member.label() + "?",
                "They will no longer see this project. Their past contributions stay.", "Remove",
                e -> {
                    projectService.removeMember(project.id(), member.userId());
                    Notification.show(member.label() + " removed.");
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void refresh() {
        grid.setItems(projectService.members(project.id()));
    }

    private static Select<ProjectRole> roleSelect() {
        var select = new Select<ProjectRole>();
        select.setItems(ProjectRole.values());
        select.setItemLabelGenerator(ProjectRole::displayName);
        return select;
    }
}
