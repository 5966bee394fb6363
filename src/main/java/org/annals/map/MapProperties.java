package org.annals.map;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the map's basemap comes from (see {@code config/application.yaml}). Without a tile source the map draws only
 * its bundled world layer and nothing is fetched from anywhere else; no setting takes an API key.
 *
 * @param tileUrl an XYZ tile URL template such as {@code https://tile.example.org/{z}/{x}/{y}.png} (a {@code {s}.}
 *     subdomain in front of the host is allowed), or a path on this server ({@code /tiles/{z}/{x}/{y}.png}); its origin
 *     is added to the pages' Content-Security-Policy for images, and nothing else is
 * @param tileAttribution what the tile source must be credited with, shown as text in the map's corner
 * @param maxZoom the deepest zoom the map offers (1-22)
 */
@ConfigurationProperties("annals.map")
public record MapProperties(@Nullable String tileUrl, @DefaultValue("") String tileAttribution,
        @DefaultValue("18") int maxZoom) {

    public static final MapProperties NONE = new MapProperties(null, "", 18);

    public MapProperties {
        tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl.strip();
        tileAttribution = tileAttribution == null ? "" : tileAttribution.strip();
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("annals.map.max-zoom must be between 1 and 22, not " + maxZoom);
        }
        if (tileUrl != null) {
            if (!tileUrl.contains("{z}") || !tileUrl.contains("{x}") || !tileUrl.contains("{y}")) {
                throw new IllegalArgumentException("annals.map.tile-url must be an XYZ template with {z}, {x} and {y},"
                        + " e.g. https://tile.example.org/{z}/{x}/{y}.png");
            }
            imageSource(tileUrl);
        }
    }

    /**
     * What the pages' Content-Security-Policy must allow for images: the tile host (with {@code *} for a
     * {@code {s}} subdomain), nothing for a path on this server or when no tile source is configured.
     */
    public Optional<String> tileImageSource() {
        return tileUrl == null ? Optional.empty() : imageSource(tileUrl);
    }

    private static Optional<String> imageSource(String template) {
        if (template.startsWith("/") && !template.startsWith("//")) {
            return Optional.empty();
        }
        // placeholders in the host name only as a leading "{s}." (a wildcard subdomain in the policy)
        int authorityStart = template.indexOf("://") + 3;
        int authorityEnd = template.indexOf('/', Math.max(authorityStart, 3));
        String authority = authorityStart < 3 ? "" : template.substring(authorityStart,
                authorityEnd < 0 ? template.length() : authorityEnd);
        if ((authority.startsWith("{s}.") ? authority.substring(4) : authority).contains("{")) {
            throw new IllegalArgumentException("annals.map.tile-url must be an http(s) address or a path on this"
                    + " server, with {s} only as the first part of the host name");
        }
        String wildcard = template.replace("{s}.", "wildcard-subdomain.");
        URI uri;
        try {
            uri = new URI(wildcard.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0").replace("{r}", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("annals.map.tile-url is not a valid address: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getHost().contains("{")) {
            throw new IllegalArgumentException("annals.map.tile-url must be an http(s) address or a path on this"
                    + " server, with {s} only as the first part of the host name");
        }
        String host = uri.getHost().replace("wildcard-subdomain.", "*.");
        return Optional.of(scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }
}
