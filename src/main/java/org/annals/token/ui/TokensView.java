package org.annals.token.ui;

import org.annals.base.ui.Moments;
import org.annals.base.Timestamps;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.token.AccessToken;
import org.annals.token.CreatedToken;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.annals.token.TokenSummary;

/**
 * The user's personal access tokens for the REST API: create one (its secret is shown once, right
 * after), see which exist and when each was last used, revoke them.
 */
@Route("account/tokens")
@PageTitle("API tokens · Annals")
@PermitAll
class TokensView extends VerticalLayout {


    private final TokenService tokens;
    private final ProjectService projects;
    private final Grid<TokenSummary> grid = new Grid<>();

    TokensView(TokenService tokens, ProjectService projects) {
        this.tokens = tokens;
        this.projects = projects;
        addClassName("tokens-view");
        setMaxWidth("72em");

        var create = new Button("New token", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2("API tokens"), create);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        var docs = new Anchor("swagger-ui/index.html", "the API's description");
        docs.setTarget(AnchorTarget.BLANK);
        docs.setRouterIgnore(true);
        add(header, new Paragraph(new Span("Scripts and other programs use a token to"
                + " call the Annals REST API as you, with your project roles. Send it as 'Authorization: Bearer <token>'."
                + " A read-only token can only read; a token for one project works only there. See "), docs,
                new Span(".")));
        configureGrid();
        add(grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TokenSummary::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(t -> t.projectId() == null ? "All my projects"
                : t.projectName() != null ? t.projectName() : "(a project you are no longer in)")
                .setHeader("Project").setAutoWidth(true);
        grid.addColumn(t -> t.scope().displayName()).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(t -> Timestamps.day(t.expiresAt().minusSeconds(1), Timestamps.UTC)).setHeader("Expires after").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : Moments.format(t.lastUsedAt()))
                .setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> t.status(Instant.now())).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            var revoke = new Button("Revoke", e -> confirmRevocation(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel("Revoke " + t.name());
            revoke.setVisible(t.active(Instant.now()));
            return revoke;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No tokens yet.");
    }

    private void openCreateDialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("New API token");
        var name = new TextField("Name");
        name.setHelperText("Where it is used, e.g. \"nightly export\".");
        name.setMaxLength(AccessToken.NAME_MAX_LENGTH);
        name.setRequired(true);
        name.setWidthFull();
        var project = new ComboBox<ProjectSummary>("Project");
        project.setItems(projects.myProjects());
        project.setItemLabelGenerator(ProjectSummary::name);
        project.setPlaceholder("All my projects");
        project.setClearButtonVisible(true);
        project.setHelperText("Leave empty for a token that works in every project you are a member of.");
        project.setWidthFull();
        var scope = new RadioButtonGroup<TokenScope>("Scope");
        scope.setItems(TokenScope.values());
        scope.setItemLabelGenerator(TokenScope::displayName);
        scope.setValue(TokenScope.READ);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var expires = new DatePicker("Last day it works (UTC)", today.plusDays(90));
        expires.setMin(today);
        expires.setMax(today.plusYears(1));
        expires.setRequired(true);
        expires.setHelperText("At most a year ahead.");
        var create = new Button("Create token", e -> {
            CreatedToken created = tokens.create(name.getValue(), project.getValue() == null ? null : project.getValue().id(),
                    scope.getValue(), expires.getValue());
            dialog.close();
            refresh();
            showSecret(created);
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, project, scope, expires));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        name.focus();
    }

    /** The one and only time the secret is shown. */
    private void showSecret(CreatedToken created) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Token \"" + created.token().name() + "\" created");
        dialog.setCloseOnOutsideClick(false);
        var secret = new TextField("Your token");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("token-secret");
        var copy = new Button("Copy", VaadinIcon.COPY.create(), e -> secret.getElement().executeJs(
                "navigator.clipboard.writeText($0).then(() => true, () => false)", created.secret())
                .then(Boolean.class, copied -> Notification.show(Boolean.TRUE.equals(copied) ? "Copied."
                        : "The browser did not allow copying; select the token and copy it by hand.")));
        var row = new HorizontalLayout(secret, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        dialog.add(new Paragraph("Copy it now and keep it somewhere safe: it is shown only this once. Annals stores"
                + " only a fingerprint of it, so it cannot show it again. If it is lost, revoke it and create another."),
                row);
        var done = new Button("I have copied it", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        secret.focus();
    }

    private void confirmRevocation(TokenSummary token) {
        var confirm = new ConfirmDialog("Revoke \"" + token.name() + "\"?",
                "Programs that use it stop working at once. This cannot be undone.", "Revoke", e -> {
                    tokens.revoke(token.id());
                    Notification.show("Token \"" + token.name() + "\" revoked.");
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }
}
