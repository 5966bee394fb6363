package org.annals.source.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.annals.base.ui.EmptyState;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.springframework.data.domain.Sort;

/** A project's library: every source, sortable and filterable, loaded page by page. */
@Route(ProjectRoutes.PREFIX + "/sources")
@PermitAll
class SourcesView extends ProjectPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final SourceService sources;
    private final Grid<SourceSummary> grid = new Grid<>();
    private final TextField filter = new TextField();

    private final LiveRefresh live;
    /** Shown while the project has no source; replaced by the list when the first one is imported. */
    private @Nullable EmptyState empty;

    SourcesView(ProjectService projects, SourceService sources, CollabService collab) {
        super(projects, ProjectRole.VIEWER, "Sources");
        this.sources = sources;
        this.live = LiveRefresh.of(this, collab);
        setSizeFull();
    }

    @Override
    protected void render(ProjectSummary project) {
        // Someone imported a source: it joins the list (the first one replaces the empty state).
        live.follow(project.id(), e -> e.kind() == CollabEvent.Kind.IMPORTED || e.kind() == CollabEvent.Kind.RESYNC,
                events -> {
                    if (empty != null) {
                        remove(empty);
                        empty = null;
                        show(project);
                    } else {
                        grid.getDataProvider().refreshAll();
                    }
                });
        show(project);
    }

    private void show(ProjectSummary project) {
        boolean editor = project.myRole().includes(ProjectRole.EDITOR);
        if (sources.count(project.id(), "") == 0) {
            empty = editor
                    ? new EmptyState(VaadinIcon.FILE_TEXT_O, "No sources yet",
                            "Sources are the texts your team annotates: news reports, encyclopedia articles, blog"
                                    + " posts. Import the first one.", importButton(project))
                    : new EmptyState(VaadinIcon.FILE_TEXT_O, "No sources yet",
                            "Editors of this project import the texts to annotate. They will be listed here.");
            add(empty);
            return;
        }
        filter.setPlaceholder("Filter by title or publisher");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("20em");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var toolbar = new HorizontalLayout(filter);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (editor) {
            toolbar.add(importButton(project));
        }
        configureGrid(project);
        add(toolbar, grid);
    }

    private Button importButton(ProjectSummary project) {
        var button = new Button("Import sources", VaadinIcon.UPLOAD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ImportView.class, ImportView.parameters(project.id()))));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void configureGrid(ProjectSummary project) {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(source -> SourceLinks.to(project.id(), source.id(), source.title()))
                .setHeader("Title").setKey("title").setSortable(true).setFlexGrow(3).setResizable(true);
        grid.addColumn(source -> source.publisher() == null ? "" : source.publisher())
                .setHeader("Publisher").setKey("publisher").setSortable(true).setFlexGrow(1);
        grid.addColumn(source -> source.publishedOn() == null ? "" : DATE.format(source.publishedOn()))
                .setHeader("Published").setKey("publishedOn").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(source -> SourceLinks.size(source.textLength()))
                .setHeader("Size").setKey("textLength").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(source -> Moments.day(source.createdAt()))
                .setHeader("Imported").setKey("createdAt").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> sources.library(project.id(), filter.getValue(), sort(query.getSortOrders()),
                        query.getPage(), query.getPageSize()).stream(),
                query -> (int) sources.count(project.id(), filter.getValue()));
        grid.setMultiSort(false);
        grid.setSizeFull();
    }

    private static Sort sort(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        return Sort.by(orders.stream()
                .map(o -> o.getDirection() == SortDirection.DESCENDING ? Sort.Order.desc(o.getSorted())
                        : Sort.Order.asc(o.getSorted()))
                .toList());
    }
}
