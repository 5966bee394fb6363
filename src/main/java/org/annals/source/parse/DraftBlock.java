package org.annals.source.parse;

import org.jspecify.annotations.Nullable;

/**
 * One block of a draft. {@code level} is the heading level (1 = document title or top section, up to
 * 6) and 0 for other kinds. {@code text} holds no markup; lines of tables and lists are separated by
 * {@code \n}. {@code chromeReason} is set when the block looks like page chrome rather than content
 * ("navigation link", "image file name", …); such blocks are proposed for dropping.
 */
public record DraftBlock(BlockKind kind, int level, String text, @Nullable String chromeReason) {

    public static DraftBlock heading(int level, String text) {
        return new DraftBlock(BlockKind.HEADING, level, text, null);
    }

    public static DraftBlock of(BlockKind kind, String text) {
        return new DraftBlock(kind, 0, text, null);
    }

    public DraftBlock asChrome(String reason) {
        return new DraftBlock(kind, level, text, reason);
    }

    public boolean looksLikeChrome() {
        return chromeReason != null;
    }
}
