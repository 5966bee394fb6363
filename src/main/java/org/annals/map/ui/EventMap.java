package org.annals.map.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.server.VaadinService;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.map.MapPoint;
import org.annals.map.MapProperties;
import org.annals.map.MapService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code annals-map} Lit component (frontend/components/annals-map.ts): Leaflet over a bundled world boundary
 * layer (Natural Earth via world-atlas), an optional configured tile source ({@link MapProperties}), points clustered
 * where they stack (supercluster), coarse precision as dashed rings, colour by top-level type, a popup per event and,
 * on the map page, a legend and a time brush.
 *
 * <p>The points travel as one JSON string of parallel arrays (see {@link #wire}): each distinct place once, then per
 * event only its place's index, its start day as an integer and its type's index; no ids and no titles. The browser
 * asks for a popup by the point's index ({@link #popup}), and the server, which keeps the ids, answers for the
 * project the map belongs to through {@link MapService#popup}, which checks the reader's access again.
 */
@Tag("annals-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@NpmPackage(value = "supercluster", version = "9.1.0")
@NpmPackage(value = "world-atlas", version = "2.0.2")
@NpmPackage(value = "topojson-client", version = "3.1.0")
@JsModule("./components/annals-map.ts")
public class EventMap extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UUID projectId;
    /** The events drawn, in the order of the wire format's per-event arrays. */
    private List<UUID> shown = List.of();

    private EventMap(UUID projectId, boolean small) {
        this.projectId = projectId;
        getElement().setAttribute("variant", small ? "small" : "full");
        MapProperties tiles = bean(MapProperties.class);
        if (tiles.tileUrl() != null) {
            getElement().setProperty("tileUrl", tiles.tileUrl());
            getElement().setProperty("tileAttribution", tiles.tileAttribution());
        }
        getElement().setProperty("maxZoom", tiles.maxZoom());
    }

    /** The map page's map: clusters, legend, time brush. */
    public static EventMap full(UUID projectId) {
        return new EventMap(projectId, false);
    }

    /** A small map on an event's or an entity's page. */
    public static EventMap small(UUID projectId) {
        return new EventMap(projectId, true);
    }

    /** Draws these events (replacing what was drawn) and fits the view to them. */
    public void show(List<MapPoint> points) {
        shown = points.stream().map(MapPoint::eventId).toList();
        getElement().setProperty("count", points.size());
        getElement().setProperty("data", wire(bean(MapService.class).types(projectId), points));
    }

    /** How many events are drawn. */
    public int count() {
        return shown.size();
    }

    UUID projectId() {
        return projectId;
    }

    /** What the popup of the event at this index says, as JSON (the browser sets it as text). */
    @ClientCallable
    String popup(int index) {
        return JSON.writeValueAsString(bean(MapService.class).popup(projectId, eventAt(index)));
    }

    /** Opens the page of the event at this index (the popup's link). */
    @ClientCallable
    void open(int index) {
        String address = bean(MapService.class).popup(projectId, eventAt(index)).address();
        getUI().ifPresent(ui -> ui.navigate(address));
    }

    private UUID eventAt(int index) {
        if (index < 0 || index >= shown.size()) {
            throw new IllegalArgumentException("No event at " + index + " on this map");
        }
        return shown.get(index);
    }

    /**
     * The compact wire format: {@code types} (names, the legend), per place {@code lat}, {@code lon} (5 decimals,
     * about a metre) and {@code radius} (metres, 0 for a point), per event {@code place}, {@code day} (days since
     * 1970-01-01) and {@code type} (-1 for a type no longer in the taxonomy). About 14 bytes an event.
     */
    public static String wire(List<MapService.MapType> types, List<MapPoint> points) {
        Map<UUID, Integer> typeIndex = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            typeIndex.put(types.get(i).id(), i);
        }
        Map<String, Integer> placeIndex = new LinkedHashMap<>();
        var lat = new StringBuilder();
        var lon = new StringBuilder();
        var radius = new StringBuilder();
        var place = new StringBuilder(points.size() * 4);
        var day = new StringBuilder(points.size() * 6);
        var type = new StringBuilder(points.size() * 2);
        for (MapPoint p : points) {
            // one entry per place and precision (an ancestor's location is shared by all the places it locates)
            String key = p.latitude() + "," + p.longitude() + "," + p.precision();
            Integer at = placeIndex.get(key);
            if (at == null) {
                at = placeIndex.size();
                placeIndex.put(key, at);
                separate(lat).append(coordinate(p.latitude()));
                separate(lon).append(coordinate(p.longitude()));
                separate(radius).append(p.precision().radiusMetres());
            }
            separate(place).append(at);
            separate(day).append(p.start().toEpochDay());
            separate(type).append(typeIndex.getOrDefault(p.typeId(), -1));
        }
        return "{\"types\":" + JSON.writeValueAsString(types.stream().map(MapService.MapType::name).toList())
                + ",\"lat\":[" + lat + "],\"lon\":[" + lon + "],\"radius\":[" + radius + "],\"place\":[" + place
                + "],\"day\":[" + day + "],\"type\":[" + type + "]}";
    }

    private static StringBuilder separate(StringBuilder array) {
        return array.isEmpty() ? array : array.append(',');
    }

    private static String coordinate(double degrees) {
        return BigDecimal.valueOf(Math.round(degrees * 100_000d)).movePointLeft(5).stripTrailingZeros()
                .toPlainString();
    }

    private static <T> T bean(Class<T> type) {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(type);
    }
}
