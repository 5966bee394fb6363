package org.annals.source;

import java.util.List;
import org.annals.source.parse.SourceDraft;
import org.jspecify.annotations.Nullable;

/**
 * A parsed file, not yet stored: the draft to review, how the file was read, and sources of the
 * project that already hold the same text (with the blocks proposed for keeping).
 */
public record ImportPreview(@Nullable String filename, SourceDraft draft, @Nullable String charset, String charsetNote,
        List<ExistingSource> duplicates) {

    public ImportPreview {
        duplicates = List.copyOf(duplicates);
    }
}
