package org.annals.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the REST API reads ({@code annals.api.max-body-size}). Larger than the import limit on
 * purpose: JSON may escape every character of a text ({@code \u0627} takes six bytes for an Arabic letter that
 * UTF-8 stores in two), and the imported text itself is held to {@code annals.import.max-file-size} once read.
 */
@ConfigurationProperties("annals.api")
public record ApiRequestProperties(@DefaultValue("32MB") DataSize maxBodySize) {

    public ApiRequestProperties {
        if (maxBodySize.toBytes() < 1024) {
            throw new IllegalArgumentException("annals.api.max-body-size must be at least 1KB");
        }
    }
}
