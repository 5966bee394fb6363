package org.annals.discussion.ui;

import org.annals.base.ui.Moments;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.discussion.ActivityItem;
import org.annals.discussion.ActivityKind;
import org.annals.discussion.ActivityService;
import org.annals.discussion.ThreadLinks;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;
import org.jspecify.annotations.Nullable;

/**
 * Who proposed, decided, withdrew, commented on or imported what, newest first, loaded page by page
 * as the list scrolls. Members see it; viewers see only what is vetted (the service decides). New
 * lines appear while the page is open.
 */
@Route(ProjectRoutes.PREFIX + "/activity")
@PermitAll
public class ActivityView extends ProjectPage {

    private final ActivityService activity;
    private final LiveRefresh live;

    ActivityView(ProjectService projects, ActivityService activity, CollabService collab) {
        super(projects, ProjectRole.VIEWER, "Activity");
        this.activity = activity;
        this.live = LiveRefresh.of(this, collab);
        setSizeFull();
    }

    @Override
    protected void render(ProjectSummary project) {
        UUID projectId = project.id();
        var grid = new Grid<ActivityItem>();
        grid.addClassName("activity-feed");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(a -> Moments.format(a.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ActivityItem::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> what(projectId, a)).setHeader("What").setFlexGrow(1);
        grid.setItems(query -> activity.feed(projectId, query.getPage(), query.getPageSize()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, activity.count(projectId)));
        grid.setEmptyStateText("Nothing has happened in this project yet.");
        grid.setSizeFull();
        add(grid);
        // Someone proposed, decided, commented or imported: new lines at the top.
        live.follow(projectId, event -> switch (event.kind()) {
            case SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, COMMENTED, IMPORTED, RESYNC -> true;
            case PRESENCE, DRAFT_CHANGED, NOTIFIED, PROJECT_DELETED, SUGGESTIONS_CHANGED -> false;
        }, events -> grid.getDataProvider().refreshAll());
    }

    /** "approved" and the thing, linked to where it is; changesets are linked only for those who may open them. */
    private static Component what(UUID projectId, ActivityItem a) {
        var line = new Span();
        line.addClassName("activity-line");
        line.add(new Span(a.kind().verb() + " "));
        String label = a.kind() == ActivityKind.IMPORTED ? "the source \"" + a.label() + "\""
                : a.kind() == ActivityKind.COMMENTED && a.record() != null ? a.label()
                : a.kind() == ActivityKind.COMMENTED ? "the changeset \"" + a.label() + "\""
                : "\"" + a.label() + "\"";
        @Nullable String href = link(projectId, a);
        line.add(href == null ? new Span(label) : new Anchor(href, label));
        return line;
    }

    private static @Nullable String link(UUID projectId, ActivityItem a) {
        if (a.kind() == ActivityKind.IMPORTED && a.sourceId() != null) {
            return ThreadLinks.source(projectId, a.sourceId());
        }
        if (a.kind() == ActivityKind.APPROVED && a.record() != null) {
            // Approved: the record is vetted now, and everyone may open it.
            return ThreadLinks.record(projectId, a.record(), a.sourceId());
        }
        if (a.changesetId() != null) {
            return ThreadLinks.changeset(projectId, a.changesetId(), false);
        }
        if (a.record() != null) {
            return ThreadLinks.record(projectId, a.record(), a.sourceId());
        }
        return null;
    }
}
