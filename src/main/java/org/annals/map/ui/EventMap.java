package org.annals.map.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.List;
import java.util.UUID;
import org.annals.map.MapPoint;

/**
 * The {@code annals-map} Lit component (frontend/components/annals-map.ts): Leaflet over a bundled world boundary
 * layer, an optional tile source, points clustered where they stack, coarse precision as rings, colour by type, a
 * popup per event. SKELETON (issue 20): the map helper writes the component and the wire format; pages use only
 * {@link #full}, {@link #small} and {@link #show}.
 */
@Tag("annals-map")
// The map helper adds @JsModule("./components/annals-map.ts") and the npm packages with the component and the bundles.
public class EventMap extends Component {

    private final UUID projectId;

    private EventMap(UUID projectId, boolean small) {
        this.projectId = projectId;
        getElement().setAttribute("variant", small ? "small" : "full");
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
        getElement().setProperty("count", points.size());
    }

    UUID projectId() {
        return projectId;
    }
}
