package org.annals.source.fetch;

import org.annals.source.ImportPreview;
import org.jspecify.annotations.Nullable;

/** One address of a batch: its preview, ready to review and import, or why it could not be fetched or read. */
public record UrlPreview(String url, @Nullable ImportPreview preview, FetchFailedException.@Nullable Reason reason,
        @Nullable String error) {

    static UrlPreview ready(String url, ImportPreview preview) {
        return new UrlPreview(url, preview, null, null);
    }

    static UrlPreview failed(String url, FetchFailedException.@Nullable Reason reason, String error) {
        return new UrlPreview(url, null, reason, error);
    }
}
