package org.annals.export;

import java.util.Locale;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.stereotype.Component;

/**
 * Teaches the servlet container the content types of the export files it does not know (.jsonl,
 * .jsonld). Export files are downloaded by name, and the container looks the type up by extension:
 * without this they went out as application/octet-stream, which the browser cannot show and the
 * server does not compress (decision 40).
 */
@Component
class ExportMimeMappings implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> {

    @Override
    public void customize(ConfigurableServletWebServerFactory factory) {
        var mappings = new MimeMappings();
        for (ExportFormat format : ExportFormat.values()) {
            String name = format.fileName();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            mappings.add(extension, format.contentType().split(";")[0].trim());
        }
        mappings.add("geojson", "application/geo+json");
        factory.addMimeMappings(mappings);
    }
}
