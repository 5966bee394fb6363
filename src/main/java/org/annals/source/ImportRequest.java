package org.annals.source;

import java.util.List;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.jspecify.annotations.Nullable;

/**
 * What a person confirmed: the metadata and the blocks to keep, in order; and the original the preview was read
 * from (from {@link ImportPreview#original()}, never from the client), stored with the source as its capture.
 */
public record ImportRequest(SourceMetadata metadata, SourceFormat format, List<DraftBlock> keptBlocks,
        @Nullable String filename, @Nullable String charset, boolean allowDuplicate, @Nullable Original original) {

    public ImportRequest {
        keptBlocks = List.copyOf(keptBlocks);
    }

    /** Without an original: pasted text, text sent to the API. */
    public ImportRequest(SourceMetadata metadata, SourceFormat format, List<DraftBlock> keptBlocks,
            @Nullable String filename, @Nullable String charset, boolean allowDuplicate) {
        this(metadata, format, keptBlocks, filename, charset, allowDuplicate, null);
    }
}
