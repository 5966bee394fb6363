package org.annals.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits of source import ({@code annals.import.*} in config/application.yaml). */
@ConfigurationProperties("annals.import")
public record ImportProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("200") int maxFilesPerBatch) {
}
