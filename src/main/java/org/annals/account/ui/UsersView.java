package org.annals.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.annals.account.AccountService;
import org.annals.account.AppUser;
import org.annals.account.UserSummary;
import org.annals.security.Roles;
import org.annals.settings.SiteSettingsService;

/** Administrators create, disable and re-enable users, reset passwords and grant the ADMIN role. */
@Route("admin/users")
@PageTitle("Users · Annals")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout {

    private final AccountService accounts;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField filter = new TextField();

    UsersView(AccountService accounts, SiteSettingsService settings) {
        this.accounts = accounts;
        addClassName("users-view");
        setSizeFull();

        var create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        filter.setPlaceholder("Filter by name");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var header = new HorizontalLayout(new H2("Users"), filter, create);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();

        var everyoneCreates = new Checkbox("Every user may create projects",
                settings.usersMayCreateProjects());
        everyoneCreates.setHelperText("When off, only administrators create projects.");
        everyoneCreates.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                settings.setUsersMayCreateProjects(e.getValue());
            }
        });

        configureGrid();
        add(header, everyoneCreates, grid);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserSummary::username).setHeader("User name").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Display name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(user -> user.admin() ? "Administrator" : "User").setHeader("Role").setAutoWidth(true);
        grid.addColumn(user -> user.enabled() ? "Enabled" : "Disabled").setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> accounts.findUsers(filter.getValue(), query.getPage(), query.getPageSize()).stream(),
                query -> (int) accounts.countUsers(filter.getValue()));
        grid.setSizeFull();
    }

    private MenuBar actions(UserSummary user) {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        var item = menu.addItem("Actions");
        item.getElement().setAttribute("aria-label", "Actions for " + user.username());
        var sub = item.getSubMenu();
        sub.addItem(user.enabled() ? "Disable" : "Re-enable", e -> {
            accounts.setEnabled(user.id(), !user.enabled());
            Notification.show(user.username() + (user.enabled() ? " disabled." : " re-enabled."));
            grid.getDataProvider().refreshAll();
        });
        sub.addItem("Reset password", e -> openResetDialog(user));
        sub.addItem(user.admin() ? "Remove administrator role" : "Make administrator", e -> {
            accounts.setAdmin(user.id(), !user.admin());
            Notification.show(user.username() + (user.admin() ? " is no longer an administrator." : " is now an administrator."));
            grid.getDataProvider().refreshAll();
        });
        return menu;
    }

    private void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        var username = new TextField("User name");
        username.setHelperText("Used to sign in: a-z, digits, dot, dash, underscore.");
        username.setMaxLength(AppUser.USERNAME_MAX_LENGTH);
        username.setRequired(true);
        username.setWidthFull();
        var displayName = new TextField("Display name");
        displayName.setMaxLength(AppUser.DISPLAY_NAME_MAX_LENGTH);
        displayName.setWidthFull();
        var password = new PasswordFields();
        password.setWidthFull();
        var admin = new Checkbox("Administrator");
        var create = new Button("Create user", e -> {
            UserSummary created = accounts.createUser(username.getValue(), displayName.getValue(), password.value(),
                    admin.getValue());
            Notification.show("User " + created.username() + " created. Give them their password in person"
                    + " or over a private channel.");
            dialog.close();
            grid.getDataProvider().refreshAll();
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(username, displayName, password, admin));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        username.focus();
    }

    private void openResetDialog(UserSummary user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Reset password of " + user.username());
        var password = new PasswordFields();
        var reset = new Button("Reset password", e -> {
            accounts.resetPassword(user.id(), password.value());
            Notification.show("Password of " + user.username() + " was reset.");
            dialog.close();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), reset);
        dialog.open();
    }
}
