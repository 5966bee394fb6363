package org.annals.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of an import's original Annals keeps ({@code annals.import.keep-original-max-size}): the bytes of a file
 * or fetched page up to this size are stored with the source; of a larger one only its metadata and SHA-256.
 * 0 keeps no bytes at all. Decision 0034.
 */
@ConfigurationProperties("annals.import")
public record OriginalProperties(@DefaultValue("10MB") DataSize keepOriginalMaxSize) {

    public OriginalProperties {
        if (keepOriginalMaxSize.toBytes() < 0 || keepOriginalMaxSize.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("annals.import.keep-original-max-size must be between 0 and 2 GB");
        }
    }

    public boolean keeps(long size) {
        return size <= keepOriginalMaxSize.toBytes();
    }
}
