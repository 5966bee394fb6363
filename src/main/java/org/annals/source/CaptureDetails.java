package org.annals.source;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where and when a source's original was captured, and its fingerprint: what the source page, the API and the
 * exports show. {@code originalKept} says whether the bytes themselves can be downloaded (they are not kept when
 * larger than the operator's limit; the hash still proves what they were).
 */
public record CaptureDetails(Original.Kind kind, @Nullable String fileName, @Nullable String requestedUrl,
        @Nullable String finalUrl, @Nullable Integer httpStatus, @Nullable String contentType, Instant retrievedAt,
        String sha256, long size, boolean originalKept) {
}
