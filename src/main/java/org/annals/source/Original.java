package org.annals.source;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The bytes a source was made from, exactly as they arrived, and where they came from: an uploaded file, or a
 * page fetched by address (with the address asked for, the address finally answered, the HTTP status and the
 * content type the server declared). Kept with the source as its capture (decision 0034). Pasted text has none.
 *
 * @param sha256 of {@code bytes}, lower-case hex
 */
public record Original(Kind kind, @Nullable String fileName, @Nullable String requestedUrl,
        @Nullable String finalUrl, @Nullable Integer httpStatus, @Nullable String contentType, Instant retrievedAt,
        String sha256, byte[] bytes) {

    public enum Kind { FILE, URL }

    /** A file a person uploaded, received now. */
    public static Original file(@Nullable String fileName, byte[] bytes) {
        return new Original(Kind.FILE, fileName, null, null, null, null, Instant.now(), sha256(bytes), bytes);
    }

    /** A page fetched by address. */
    public static Original fetched(String requestedUrl, String finalUrl, int httpStatus, @Nullable String contentType,
            Instant retrievedAt, byte[] bytes) {
        return new Original(Kind.URL, null, requestedUrl, finalUrl, httpStatus, contentType, retrievedAt,
                sha256(bytes), bytes);
    }

    public long size() {
        return bytes.length;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Original[" + kind + ", " + (finalUrl != null ? finalUrl : fileName) + ", " + bytes.length + " bytes]";
    }
}
