package org.annals.source;

import java.util.List;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceDraft;
import org.annals.source.parse.SourceFormat;
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

    /**
     * Whether every block is proposed for keeping, page chrome included: for plain text, where the chrome rules
     * guess from the words alone and a dropped line is lost without anyone seeing it (decision 0037).
     */
    public static boolean keepsAllByDefault(SourceFormat format) {
        return format == SourceFormat.PLAIN_TEXT;
    }

    /** The blocks proposed for keeping: all of plain text, the rest without what looks like page chrome. */
    public static List<DraftBlock> proposedBlocks(SourceDraft draft) {
        return keepsAllByDefault(draft.format()) ? draft.blocks()
                : draft.blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
    }
}
