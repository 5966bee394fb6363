package org.annals.source.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The result of parsing: the detected format and title, and the blocks in reading order. */
public record SourceDraft(SourceFormat format, @Nullable String title, List<DraftBlock> blocks) {

    public SourceDraft {
        blocks = List.copyOf(blocks);
    }
}
