package org.annals.source.parse;

import org.jspecify.annotations.Nullable;

/**
 * One block of a draft. {@code level} is the heading level (1 = document title or top section, up to
 * 6) and 0 for other kinds. {@code text} holds no markup; lines of tables and lists are separated by
 * {@code \n}. {@code chromeReason} is set when the block looks like page chrome rather than content
 * ("navigation link", "image file name", …); such blocks are proposed for dropping. {@code pages} is where
 * the block stands in a paged document (a PDF), so that a quote can be cited by page; null for formats without
 * pages.
 */
public record DraftBlock(BlockKind kind, int level, String text, @Nullable String chromeReason,
        @Nullable Pages pages) {

    /** A block without pages: every format but PDF. */
    public DraftBlock(BlockKind kind, int level, String text, @Nullable String chromeReason) {
        this(kind, level, text, chromeReason, null);
    }

    public static DraftBlock heading(int level, String text) {
        return new DraftBlock(BlockKind.HEADING, level, text, null);
    }

    public static DraftBlock of(BlockKind kind, String text) {
        return new DraftBlock(kind, 0, text, null);
    }

    public DraftBlock asChrome(String reason) {
        return new DraftBlock(kind, level, text, reason, pages);
    }

    /** The same block, standing on these pages (1-based, as a PDF viewer numbers them). */
    public DraftBlock onPages(int first, int last) {
        return new DraftBlock(kind, level, text, chromeReason, new Pages(first, last));
    }

    public boolean looksLikeChrome() {
        return chromeReason != null;
    }

    /**
     * The pages a block stands on: the page it starts on and the page it ends on (the same for a block on one
     * page). Numbered from 1 in the order of the file, as a PDF viewer's page box counts, which may differ from
     * the numbers printed on the pages.
     */
    public record Pages(int first, int last) {

        public Pages {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("Pages run from 1, and the last is not before the first");
            }
        }

        /** "p. 12" or "pp. 12–13", as a citation gives them. */
        public String cited() {
            return first == last ? "p. " + first : "pp. " + first + "–" + last;
        }
    }
}
