package org.annals.source;

import java.util.List;
import org.annals.source.parse.SourceDraft;
import org.jspecify.annotations.Nullable;

/**
 * A parsed file, not yet stored: the draft to review, how the file was read, sources of the
 * project that already hold the same text (with the blocks proposed for keeping), and the original
 * it was read from (null for pasted text), which is kept with the source when it is imported.
 */
public record ImportPreview(@Nullable String filename, SourceDraft draft, @Nullable String charset, String charsetNote,
        List<ExistingSource> duplicates, @Nullable Original original) {

    public ImportPreview {
        duplicates = List.copyOf(duplicates);
    }

    public ImportPreview(@Nullable String filename, SourceDraft draft, @Nullable String charset, String charsetNote,
            List<ExistingSource> duplicates) {
        this(filename, draft, charset, charsetNote, duplicates, null);
    }
}
