package org.annals.source.fetch;

import java.time.Instant;
import java.util.Locale;
import org.annals.source.Original;
import org.jspecify.annotations.Nullable;

/**
 * What a fetch brought back: the address asked for, the address that finally answered (after redirects), its
 * status, its declared content type and its bytes, exactly as they arrived.
 */
public record FetchedPage(String requestedUrl, String finalUrl, int status, @Nullable String contentType,
        byte[] bytes, Instant retrievedAt) {

    /** The media type without parameters, lower case; empty when the server declared none. */
    public String mediaType() {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of the content type, if the server declared one. */
    public @Nullable String declaredCharset() {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String value = p.substring(8).strip().replace("\"", "").replace("'", "");
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    public Original toOriginal() {
        return Original.fetched(requestedUrl, finalUrl, status, contentType, retrievedAt, bytes);
    }

    @Override
    public String toString() {
        return "FetchedPage[" + finalUrl + ", " + status + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
