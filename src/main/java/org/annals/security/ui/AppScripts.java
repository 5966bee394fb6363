package org.annals.security.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The script and style files every page of the application loads first, as named by the production
 * build's page template and its entry script: the sign-in page asks the browser to fetch them while the
 * person types (they are cached for a year, see {@code StaticResourceCaching}), so the first page after
 * signing in does not wait for them. Chunks loaded on demand (the map's countries, Markdown) are left
 * out. In development mode there is no production build on the class path and the list is empty.
 */
@Component
class AppScripts {

    private static final String WEBAPP = "META-INF/VAADIN/webapp/";
    private static final Pattern ENTRY = Pattern.compile("src=\"\\./(VAADIN/build/[A-Za-z0-9_.-]+\\.js)\"");
    /**
     * Files the entry script loads (Flow's bootstrap and client, the bundle of every route's components and its
     * styles, quoted or in template literals); the chunks loaded on demand are named only inside that bundle.
     */
    private static final Pattern NAMED = Pattern.compile("[\"`]\\./([A-Za-z0-9_-]+\\.(?:js|css))[\"`]");

    private volatile List<String> files;

    /** Addresses relative to the application's root, entry script first; read once, on first use. */
    List<String> files() {
        List<String> known = files;
        if (known == null) {
            known = read(getClass().getClassLoader());
            files = known;
        }
        return known;
    }

    static List<String> read(ClassLoader classes) {
        String page = resource(classes, WEBAPP + "index.html");
        if (page == null) {
            return List.of();
        }
        var entry = ENTRY.matcher(page);
        if (!entry.find()) {
            return List.of();
        }
        String entryPath = entry.group(1);
        var found = new LinkedHashSet<String>();
        found.add(entryPath);
        String script = resource(classes, WEBAPP + entryPath);
        if (script != null) {
            NAMED.matcher(script).results().forEach(m -> found.add("VAADIN/build/" + m.group(1)));
        }
        return List.copyOf(found);
    }

    private static String resource(ClassLoader classes, String name) {
        try (InputStream in = classes.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
