package org.annals.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.entity.GeoPrecision;
import org.annals.entity.PlaceLocation;
import org.annals.entity.PlaceLocator;
import org.annals.event.EventService;
import org.annals.event.EventSite;
import org.annals.event.EvidenceSources;
import org.annals.event.TaxonomyService;
import org.annals.event.TimelineEntry;
import org.annals.event.TimelineFilter;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.project.ui.ProjectRoutes;
import org.annals.source.SourceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events a map shows: the vetted events a timeline filter selects, each at its place's location (its own
 * coordinates or an ancestor's, see {@link PlaceLocator}); events whose place has no location anywhere up its chain
 * are left off. SKELETON (issue 20): {@link #pointsOfEntity} is the pages helper's.
 */
@Service
public class MapService {

    /** At most this many events on one map (the benchmark's largest size). */
    public static final int MAX_POINTS = 100_000;

    private final ProjectAccess access;
    private final EventService events;
    private final PlaceLocator places;
    private final TaxonomyService taxonomy;
    private final EvidenceSources evidence;
    private final SourceService sources;

    MapService(ProjectAccess access, EventService events, PlaceLocator places, TaxonomyService taxonomy,
            EvidenceSources evidence, SourceService sources) {
        this.access = access;
        this.events = events;
        this.places = places;
        this.taxonomy = taxonomy;
        this.evidence = evidence;
        this.sources = sources;
    }

    /** A top-level event type: what a point's colour and the legend stand for. */
    public record MapType(UUID id, String name) {
    }

    /** The project's top-level event types in the taxonomy's order: the legend's order and the colours. */
    @Transactional(readOnly = true)
    public List<MapType> types(UUID projectId) {
        access.require(projectId, ProjectRole.VIEWER);
        return taxonomy.taxonomy(projectId).stream().map(t -> new MapType(t.id(), t.name())).toList();
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

    /**
     * The popup of one event: its dates, title, type, place (with how precisely it is known, and the ancestor it is
     * located by), actors and the titles of the sources that support it (its vetted evidence and its claims), all
     * plain text for the browser to show as text.
     */
    @Transactional(readOnly = true)
    public MapPopup popup(UUID projectId, UUID eventId) {
        access.require(projectId, ProjectRole.VIEWER);
        TimelineEntry event = events.get(projectId, eventId);
        String date = event.start().display() + (event.end() == null ? "" : " – " + event.end().display());
        String type = event.typeName() + (event.subTypeName() == null ? "" : " / " + event.subTypeName());
        String place = "";
        if (event.placeId() != null) {
            place = event.placeName() == null ? "" : event.placeName();
            PlaceLocation where = places.locateUnchecked(projectId, List.of(event.placeId())).get(event.placeId());
            if (where == null) {
                place += " (no location known)";
            } else if (where.inherited()) {
                place += " (located by " + where.locatedByName() + ": " + precisionText(where.precision()) + ")";
            } else if (where.precision() != GeoPrecision.EXACT) {
                place += " (" + precisionText(where.precision()) + ")";
            }
        }
        Set<UUID> supporting = new HashSet<>(evidence.sourcesOfEvents(projectId, List.of(event.id()))
                .getOrDefault(event.id(), Set.of()));
        supporting.addAll(event.claimSources().keySet());
        List<String> sourceTitles = sources.titles(projectId, supporting).values().stream().sorted().toList();
        List<String> actors = event.actors().stream().map(TimelineEntry.Actor::name).distinct()
                .collect(Collectors.toList());
        return new MapPopup(event.id(), date, event.title(), type, place, actors, sourceTitles,
                ProjectRoutes.eventPath(projectId, event.id()));
    }

    private static String precisionText(GeoPrecision precision) {
        return precision.label().toLowerCase(java.util.Locale.ROOT);
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
