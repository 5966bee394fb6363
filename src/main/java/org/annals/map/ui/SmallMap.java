package org.annals.map.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.entity.GeoPrecision;
import org.annals.entity.PlaceLocation;
import org.annals.map.MapPoint;
import org.annals.project.ui.ProjectRoutes;
import org.jspecify.annotations.Nullable;

/**
 * The small map on an event's or an entity's page: a line saying how precisely the place is known, a map of fixed,
 * modest height across the page's width (so that on a phone the page's own content stays in reach below it), and
 * for an entity a link to the full map filtered to it. Where nothing can be drawn it is a short note instead of an
 * empty map. The pages fetch what it shows through the services; this only draws it.
 */
public class SmallMap extends Section {

    /** The map's height: enough to see the area, little enough to leave most of a phone's screen to the record. */
    static final String HEIGHT = "14rem";
    /** The map page's filter parameters, as the timeline names them (the two pages share their filters). */
    static final String PLACE_PARAMETER = "place";
    static final String ACTOR_PARAMETER = "actor";

    private final int shown;

    private SmallMap(UUID projectId, List<MapPoint> points, List<Paragraph> lines, @Nullable String fullMapLink) {
        addClassName("small-map");
        getElement().setAttribute("aria-label", "Map");
        add(new H3("Map"));
        add(lines.toArray(Paragraph[]::new));
        if (points.isEmpty()) {
            shown = 0;
            return;
        }
        var map = EventMap.small(projectId);
        map.getElement().getStyle().set("display", "block").set("width", "100%").set("height", HEIGHT);
        map.show(points);
        shown = points.size();
        add(map);
        if (fullMapLink != null) {
            var link = new Anchor(fullMapLink, "Open on the full map");
            link.addClassName("small-map-full");
            add(new Div(link));
        }
    }

    /**
     * An event's place: where it lies and how precisely ("Located at Aleppo (town)"), or by which larger place when
     * it has no coordinates of its own; a note when the event has no place or the place cannot be located.
     */
    public static SmallMap ofEvent(UUID projectId, @Nullable String placeName, Optional<PlaceLocation> where,
            List<MapPoint> points) {
        Paragraph line;
        if (placeName == null) {
            line = note("Not on the map: the event has no place.");
        } else if (where.isEmpty() || points.isEmpty()) {
            line = note("Not on the map: neither " + placeName + " nor any place it is part of has coordinates.");
        } else {
            line = caption(located(where.get()));
        }
        return new SmallMap(projectId, where.isEmpty() ? List.of() : points, List.of(line), null);
    }

    /**
     * A place: where it lies and the vetted events at it or at places inside it, with a link to the full map of
     * the events at it.
     */
    public static SmallMap ofPlace(UUID projectId, UUID placeId, String placeName, Optional<PlaceLocation> where,
            List<MapPoint> points) {
        var lines = new java.util.ArrayList<Paragraph>();
        if (where.isPresent()) {
            lines.add(caption(located(where.get())));
        } else if (points.isEmpty()) {
            lines.add(note("Not on the map: neither " + placeName + " nor any place it is part of has coordinates."));
        } else {
            lines.add(caption(placeName + " has no coordinates of its own or from a place it is part of; the map"
                    + " shows the places inside it."));
        }
        if (where.isPresent() || !points.isEmpty()) {
            lines.add(caption(points.isEmpty() ? "No located vetted event here yet." : count(points.size())
                    + " at " + placeName + " or at places inside it."));
        }
        return new SmallMap(projectId, points, lines, fullMap(projectId, PLACE_PARAMETER, placeId));
    }

    /** An actor: the located vetted events it takes part in, with a link to the full map of its events. */
    public static SmallMap ofActor(UUID projectId, UUID actorId, List<MapPoint> points) {
        return new SmallMap(projectId, points, List.of(caption(count(points.size()) + " it takes part in.")),
                fullMap(projectId, ACTOR_PARAMETER, actorId));
    }

    /** How many points the map draws (0 when it is only a note). */
    public int shownCount() {
        return shown;
    }

    /** "Located at Aleppo (town)", or "Located by Aleppo Governorate, its region: …" for a borrowed location. */
    static String located(PlaceLocation where) {
        if (!where.inherited()) {
            return "Located at " + where.placeName() + " (" + precision(where.precision()) + ")";
        }
        return "Located by " + where.locatedByName() + ", its " + precision(where.precision()) + ": "
                + where.placeName() + " has no coordinates of its own";
    }

    /** The precision in a few words, as the caption uses it. */
    static String precision(GeoPrecision precision) {
        return switch (precision) {
            case EXACT -> "exact point";
            case NEAR -> "within a few km";
            case TOWN -> "town";
            case REGION -> "region";
            case COUNTRY -> "country";
        };
    }

    private static String count(int events) {
        if (events >= org.annals.map.MapService.ENTITY_POINTS) {
            return "The first " + String.format(java.util.Locale.ROOT, "%,d", events) + " located events (the full map"
                    + " shows them all)";
        }
        return events == 1 ? "1 located event" : events + " located events";
    }

    /** The map page with the timeline's filter for this entity. */
    static String fullMap(UUID projectId, String parameter, UUID entityId) {
        return ProjectRoutes.path(projectId) + "/map?"
                + QueryParameters.simple(Map.of(parameter, entityId.toString())).getQueryString();
    }

    private static Paragraph caption(String text) {
        var line = new Paragraph(text);
        line.addClassName("small-map-caption");
        return line;
    }

    private static Paragraph note(String text) {
        var line = new Paragraph(text);
        line.addClassName("small-map-note");
        return line;
    }
}
