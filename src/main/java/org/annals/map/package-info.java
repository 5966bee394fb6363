/**
 * The map (issue 20): vetted events drawn where they happened, as precisely as their places allow, with the
 * timeline's filters. {@link org.annals.map.MapService} selects and locates the events; the page and the small maps on
 * the event and entity pages live in {@code ui} and draw through the {@code annals-map} Lit component (Leaflet, a
 * bundled world boundary layer, an optional configured tile source).
 */
@NullMarked
package org.annals.map;

import org.jspecify.annotations.NullMarked;
