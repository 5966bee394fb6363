package org.annals.entity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;
import org.annals.base.ui.TypedWork;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.review.ChangesetService;
import org.annals.review.ui.MyChangesView;

/** The registry: vetted entities, searchable by name or alias, and the editor's own pending proposals. */
@Route(ProjectRoutes.PREFIX + "/entities")
@PermitAll
public class EntitiesView extends ProjectPage {

    private final EntityService entities;
    private final ChangesetService changesets;
    private final Grid<EntitySummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<EntityKind> kind = new Select<>();

    private final LiveRefresh live;

    EntitiesView(ProjectService projects, EntityService entities, ChangesetService changesets, CollabService collab) {
        super(projects, ProjectRole.VIEWER, "Entities");
        this.live = LiveRefresh.of(this, collab);
        this.entities = entities;
        this.changesets = changesets;
        setSizeFull();
    }

    public static RouteParameters parameters(UUID projectId) {
        return new RouteParameters(ProjectRoutes.PROJECT_ID, projectId.toString());
    }

    @Override
    protected void render(ProjectSummary project) {
        search.setPlaceholder("Search names and aliases");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setWidth("20em");
        kind.setItems(EntityKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "All kinds" : k.displayName());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("All kinds");
        kind.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var toolbar = new HorizontalLayout(search, kind);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        boolean editor = project.myRole().includes(ProjectRole.EDITOR);
        if (editor) {
            var create = new Button("Propose an entity", VaadinIcon.PLUS.create(),
                    e -> EntityForm.forNew(entities, project.id(), proposal -> refreshPending(project)).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
            // A new entity being typed when the page was left (reload, expired session) comes back.
            TypedWork.offer(UI.getCurrent(), EntityForm.newEntityForm(project.id()), kept -> {
                var form = EntityForm.forNew(entities, project.id(), proposal -> refreshPending(project));
                form.restore(kept.fields());
                form.open();
                TypedWork.announceRestored("entity");
            });
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(e -> new RouterLink(e.name(), EntityView.class, EntityView.parameters(project.id(), e.id())))
                .setHeader("Name").setFlexGrow(3);
        grid.addColumn(e -> e.kind().displayName()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(e -> e.wikidataId() == null ? "" : e.wikidataId()).setHeader("Wikidata").setAutoWidth(true);
        grid.setItems(query -> entities.search(project.id(), search.getValue(), kind.getValue(), query.getPage(),
                query.getPageSize()).stream(), query -> (int) entities.count(project.id(), search.getValue(), kind.getValue()));
        grid.setEmptyStateText(editor ? "No vetted entities yet. Propose one: it appears here once a reviewer approves it."
                : "No vetted entities yet.");
        add(toolbar);
        if (editor) {
            add(pending);
            refreshPending(project);
        }
        add(grid);
        live.follow(project.id(), EntitiesView::concerns, events -> {
            // Refreshing the data provider keeps the search, the kind and the grid's scroll position.
            if (events.stream().anyMatch(e -> e.kind() == CollabEvent.Kind.APPROVED || e.kind() == CollabEvent.Kind.RESYNC)) {
                grid.getDataProvider().refreshAll();
            }
            if (editor) {
                refreshPending(project);
            }
        });
    }

    /** Entities approved (the list) or proposed (the editor's pending list), or events that were lost. */
    static boolean concerns(CollabEvent event) {
        return event.kind() == CollabEvent.Kind.RESYNC || event.changesRecords()
                && (event.partial() || event.records().stream().anyMatch(r -> r.kind().equals(EntityRecordType.KIND)));
    }

    private final Div pending = new Div();

    /** The editor's own proposals that are not decided yet, marked as pending next to the vetted list. */
    private void refreshPending(ProjectSummary project) {
        pending.removeAll();
        var mine = changesets.myPending(project.id(), EntityRecordType.KIND);
        if (mine.isEmpty()) {
            return;
        }
        pending.addClassName("pending-overlay");
        pending.add(new H3("Your pending proposals"));
        for (var change : mine) {
            var badge = new Span("pending");
            badge.addClassName("pending-badge");
            var line = new Div(badge, new Span(" " + change.action().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + change.label()));
            pending.add(line);
        }
        pending.add(new RouterLink("See all your changes", MyChangesView.class, new RouteParameters(
                Map.of(ProjectRoutes.PROJECT_ID, project.id().toString()))));
    }
}
