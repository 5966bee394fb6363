package org.annals.source;

import java.util.List;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.jspecify.annotations.Nullable;

/** What a person confirmed: the metadata and the blocks to keep, in order. */
public record ImportRequest(SourceMetadata metadata, SourceFormat format, List<DraftBlock> keptBlocks,
        @Nullable String filename, @Nullable String charset, boolean allowDuplicate) {

    public ImportRequest {
        keptBlocks = List.copyOf(keptBlocks);
    }
}
