package org.annals.map;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.entity.PlaceLocation;
import org.annals.entity.PlaceLocator;
import org.annals.event.EventService;
import org.annals.event.EventSite;
import org.annals.event.TimelineFilter;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events a map shows: the vetted events a timeline filter selects, each at its place's location (its own
 * coordinates or an ancestor's, see {@link PlaceLocator}); events whose place has no location anywhere up its chain
 * are left off. SKELETON (issue 20): {@link #popup} is the map helper's, {@link #pointsOfEntity} the pages helper's.
 */
@Service
public class MapService {

    /** At most this many events on one map (the benchmark's largest size). */
    public static final int MAX_POINTS = 100_000;

    private final ProjectAccess access;
    private final EventService events;
    private final PlaceLocator places;

    MapService(ProjectAccess access, EventService events, PlaceLocator places) {
        this.access = access;
        this.events = events;
        this.places = places;
    }

    /** The vetted events the filter selects that have a location, oldest first. */
    @Transactional(readOnly = true)
    public List<MapPoint> points(UUID projectId, TimelineFilter filter) {
        access.require(projectId, ProjectRole.VIEWER);
        return located(projectId, events.sites(projectId, filter, MAX_POINTS));
    }

    /** The event itself, for the small map on its page (empty when it has no location). */
    @Transactional(readOnly = true)
    public List<MapPoint> pointsOfEvent(UUID projectId, UUID eventId) {
        access.require(projectId, ProjectRole.VIEWER);
        var event = events.get(projectId, eventId);
        if (event.placeId() == null) {
            return List.of();
        }
        return located(projectId, List.of(new EventSite(event.id(), event.start().date(),
                event.end() == null ? null : event.end().date(), event.title(), event.values().typeId(),
                event.placeId())));
    }

    /**
     * The vetted events an entity takes part in (a place: the events at it or at places inside it, through part-of),
     * oldest first, at most {@link #ENTITY_POINTS}: for the small map on the entity's page, which links to the full
     * map for more.
     */
    @Transactional(readOnly = true)
    public List<MapPoint> pointsOfEntity(UUID projectId, UUID entityId) {
        access.require(projectId, ProjectRole.VIEWER);
        return located(projectId, events.sitesOfEntity(projectId, entityId, ENTITY_POINTS));
    }

    /** At most this many events on an entity's small map: a country's page stays light; the full map has them all. */
    public static final int ENTITY_POINTS = 2_000;

    /** The popup of one event. */
    @Transactional(readOnly = true)
    public MapPopup popup(UUID projectId, UUID eventId) {
        access.require(projectId, ProjectRole.VIEWER);
        throw new UnsupportedOperationException("skeleton");
    }

    /** The sites that have a location, as points, in the order given. */
    private List<MapPoint> located(UUID projectId, List<EventSite> sites) {
        var locations = places.locateUnchecked(projectId, sites.stream().map(EventSite::placeId).distinct().toList());
        var points = new ArrayList<MapPoint>(sites.size());
        for (EventSite site : sites) {
            PlaceLocation where = locations.get(site.placeId());
            if (where != null) {
                points.add(new MapPoint(site.eventId(), site.start(), site.end(), site.title(), site.typeId(),
                        where.latitude(), where.longitude(), where.precision(), site.placeId()));
            }
        }
        return points;
    }
}
