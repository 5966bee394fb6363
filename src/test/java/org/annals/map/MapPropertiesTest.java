package org.annals.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.annals.security.SecurityHeaders;
import org.junit.jupiter.api.Test;

/**
 * The tile source settings: no tile URL leaves the pages' Content-Security-Policy exactly as strict as before; a
 * configured one adds only its origin, and only for images; a template that is no XYZ address stops the start.
 */
class MapPropertiesTest {

    @Test
    void without_a_tile_source_the_policy_is_unchanged() {
        assertThat(MapProperties.NONE.tileImageSource()).isEmpty();
        assertThat(new MapProperties("  ", "", 18).tileUrl()).isNull();
        assertThat(SecurityHeaders.pagePolicy(MapProperties.NONE.tileImageSource()))
                .isEqualTo(SecurityHeaders.PAGE_POLICY);
    }

    @Test
    void a_tile_source_is_allowed_for_images_only() {
        var tiles = new MapProperties("https://{s}.tiles.example.org:8443/osm/{z}/{x}/{y}.png", "© Example", 17);
        assertThat(tiles.tileImageSource()).contains("https://*.tiles.example.org:8443");
        String policy = SecurityHeaders.pagePolicy(tiles.tileImageSource());
        assertThat(policy).contains("img-src 'self' data: https://*.tiles.example.org:8443;")
                .contains("connect-src 'self';").contains("default-src 'self';").contains("script-src 'self' 'unsafe-inline' 'unsafe-eval';");
        assertThat(new MapProperties("http://tiles.local/{z}/{x}/{y}.png", "", 18).tileImageSource())
                .contains("http://tiles.local");
        // tiles served by Annals itself need nothing more
        assertThat(new MapProperties("/tiles/{z}/{x}/{y}.png", "", 18).tileImageSource()).isEmpty();
    }

    @Test
    void a_template_that_is_no_xyz_address_is_refused_with_a_message() {
        assertThatThrownBy(() -> new MapProperties("https://tiles.example.org/tile.png", "", 18))
                .hasMessageContaining("{z}, {x} and {y}");
        assertThatThrownBy(() -> new MapProperties("javascript:alert(1)//{z}/{x}/{y}", "", 18))
                .hasMessageContaining("http(s) address");
        assertThatThrownBy(() -> new MapProperties("https://{z}.example.org/{x}/{y}.png", "", 18))
                .hasMessageContaining("http(s) address");
        assertThatThrownBy(() -> new MapProperties("//tiles.example.org/{z}/{x}/{y}.png", "", 18))
                .hasMessageContaining("http(s) address");
        assertThatThrownBy(() -> new MapProperties(null, "", 40)).hasMessageContaining("max-zoom");
    }
}
