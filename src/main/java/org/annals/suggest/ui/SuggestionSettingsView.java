package org.annals.suggest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.base.ui.Moments;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.suggest.NeverHere;
import org.annals.suggest.RefusedAlias;
import org.annals.suggest.SuggestionService;

/**
 * Managers see what the project's suggestions leave out, and why: names an editor refused for the whole project
 * ("never here", each allowed again in one click), and aliases of entities the registry matcher will not look for
 * (one letter, a common word), to fix on the entity's page (decision 31). Everything is shown as text.
 */
@Route(ProjectRoutes.PREFIX + "/suggestions")
@PermitAll
class SuggestionSettingsView extends ProjectPage {

    private final SuggestionService suggestions;
    private final Grid<NeverHere> refusedNames = new Grid<>();
    private final Grid<RefusedAlias> ignoredAliases = new Grid<>();
    private ProjectSummary project;

    SuggestionSettingsView(ProjectService projects, SuggestionService suggestions) {
        super(projects, ProjectRole.MANAGER, "Suggestions");
        this.suggestions = suggestions;
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        add(new H3("Names never suggested here"));
        add(new Paragraph("An editor who rejects a suggested name with \"never here\" hides it in every source of the"
                + " project, for everyone. Allow it again if that was a mistake."));
        refusedNames.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        refusedNames.addColumn(NeverHere::words).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        refusedNames.addColumn(n -> n.entityName() == null ? n.kind().displayName() : n.entityName())
                .setHeader("Suggested as").setAutoWidth(true);
        refusedNames.addColumn(n -> n.rejectedBy() == null ? "?" : n.rejectedBy()).setHeader("Refused by")
                .setAutoWidth(true);
        refusedNames.addColumn(n -> Moments.day(n.rejectedAt())).setHeader("On").setAutoWidth(true);
        refusedNames.addComponentColumn(n -> {
            var allow = new Button("Allow again", e -> {
                suggestions.allowAgain(project.id(), n.foldedAlias());
                Notification.show("\"" + n.words() + "\" is suggested again.");
                refresh();
            });
            allow.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            allow.setAriaLabel("Allow " + n.words() + " again");
            return allow;
        }).setAutoWidth(true).setFlexGrow(0);
        refusedNames.setAllRowsVisible(true);
        refusedNames.setEmptyStateText("No name is refused in this project.");
        refusedNames.addClassName("never-here");
        add(refusedNames);

        add(new H3("Aliases the suggestions ignore"));
        add(new Paragraph("Names and aliases that would match almost everywhere are not suggested. Change the alias on"
                + " the entity's page if it should be."));
        ignoredAliases.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        ignoredAliases.addComponentColumn(r -> new Anchor(ProjectRoutes.entityPath(project.id(), r.entityId()),
                r.entityName())).setHeader("Entity").setAutoWidth(true);
        ignoredAliases.addColumn(RefusedAlias::alias).setHeader("Alias").setAutoWidth(true);
        ignoredAliases.addColumn(RefusedAlias::reason).setHeader("Why").setFlexGrow(1);
        ignoredAliases.setAllRowsVisible(true);
        ignoredAliases.setEmptyStateText("Every name and alias is looked for.");
        ignoredAliases.addClassName("refused-aliases");
        add(ignoredAliases);
        refresh();
    }

    private void refresh() {
        refusedNames.setItems(suggestions.neverHere(project.id()));
        ignoredAliases.setItems(suggestions.refusedAliases(project.id()));
    }
}
