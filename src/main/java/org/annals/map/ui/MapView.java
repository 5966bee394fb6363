package org.annals.map.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.annals.base.ui.EmptyState;
import org.annals.collab.CollabService;
import org.annals.collab.ui.LiveRefresh;
import org.annals.entity.EntityService;
import org.annals.event.EventService;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineFilter;
import org.annals.event.ui.TimelineFilterBar;
import org.annals.event.ui.TimelineView;
import org.annals.map.MapPoint;
import org.annals.map.MapService;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.project.ui.ProjectPage;
import org.annals.project.ui.ProjectRoutes;

/**
 * The map of the project's vetted events, with the timeline's filters (the same address parameters, the same filter
 * bar) and links both ways: "Show as timeline" here, "Show on map" on the timeline. Events whose place has no
 * location anywhere up its part-of chain cannot be drawn; the count line says how many.
 */
@Route(ProjectRoutes.PREFIX + "/map")
@PermitAll
public class MapView extends ProjectPage {

    private final MapService maps;
    private final EventService events;
    private final EntityService entities;
    private final TaxonomyService taxonomy;
    private final LiveRefresh live;
    private final Span count = new Span();
    /** Where the empty state goes, above the (hidden) map. */
    private final Div empty = new Div();
    private ProjectSummary project;
    private TimelineFilterBar filters;
    private EventMap map;

    MapView(ProjectService projects, MapService maps, EventService events, EntityService entities,
            TaxonomyService taxonomy, CollabService collab) {
        super(projects, ProjectRole.VIEWER, "Map");
        this.maps = maps;
        this.events = events;
        this.entities = entities;
        this.taxonomy = taxonomy;
        this.live = LiveRefresh.of(this, collab);
    }

    @Override
    protected void render(ProjectSummary project) {
        this.project = project;
        filters = new TimelineFilterBar(entities, taxonomy, project.id(), "map", queryParameters(), this::refresh);
        var asTimeline = filters.linkTo("timeline", "Show as timeline");
        asTimeline.addClassName("to-timeline");
        count.addClassName("map-count");
        map = EventMap.full(project.id());
        map.setWidthFull();
        add(filters, asTimeline, count, empty, map);
        setWidthFull();
        refresh();
        live.follow(project.id(), TimelineView::concerns, changes -> refresh());
    }

    private void refresh() {
        TimelineFilter filter = filters.filter();
        List<MapPoint> points = maps.points(project.id(), filter);
        long total = events.count(project.id(), filter);
        empty.removeAll();
        map.show(points);
        map.setVisible(!points.isEmpty());
        count.setVisible(total > 0);
        count.setText(countLine(points.size(), total - points.size()));
        if (total == 0) {
            empty.add(new EmptyState(VaadinIcon.MAP_MARKER, "No events", filter.equals(TimelineFilter.ALL)
                    ? "Vetted events appear here once editors propose them and reviewers approve them, at places"
                            + " with coordinates." : "No vetted event matches these filters."));
        } else if (points.isEmpty()) {
            empty.add(new EmptyState(VaadinIcon.MAP_MARKER, "Nothing to draw", "None of these events is at a place"
                    + " with a location. Give the places (or a place they are part of) coordinates on their entity"
                    + " pages."));
        }
    }

    /** "312 events on the map; 14 vetted events have no located place". */
    static String countLine(int drawn, long unlocated) {
        String line = drawn + (drawn == 1 ? " event" : " events") + " on the map";
        if (unlocated > 0) {
            line += "; " + unlocated + (unlocated == 1 ? " vetted event has" : " vetted events have")
                    + " no located place";
        }
        return line;
    }
}
