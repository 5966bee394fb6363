package org.annals.source;

import java.util.List;
import java.util.UUID;
import org.annals.source.parse.BlockKind;
import org.jspecify.annotations.Nullable;

/** A source as the reader shows it: metadata, the frozen text, and its structure as offset ranges. */
public record SourceText(SourceDetails source, String text, List<Section> sections, List<Passage> passages,
        List<Range> citations) {

    public record Section(int ordinal, int level, String title, int start, int end, @Nullable Integer parent) {
    }

    /**
     * A block of the text. {@code firstPage} and {@code lastPage}: the pages of the original it stood on (a PDF;
     * numbered from 1 as the file orders them), null for formats without pages.
     */
    public record Passage(int ordinal, BlockKind kind, int start, int end, @Nullable Integer section,
            @Nullable Integer firstPage, @Nullable Integer lastPage) {

        /** "p. 12" or "pp. 12–13", or null for a passage without pages. */
        public @Nullable String pagesCited() {
            if (firstPage == null) {
                return null;
            }
            int last = lastPage == null ? firstPage : lastPage;
            return last == firstPage ? "p. " + firstPage : "pp. " + firstPage + "–" + last;
        }
    }

    public record Range(int start, int end) {
    }

    /**
     * A source's metadata and structure without its text: what a page needs to lay the text out when the browser
     * downloads the text itself (the editor), so that the text is read once per opening, not twice.
     */
    public record Outline(SourceDetails source, List<Section> sections, List<Passage> passages, List<Range> citations) {
    }

    /** A source's outline and the beginning of its text: what is drawn before the rest of a long text arrives. */
    public record Opening(Outline outline, String beginning) {
    }

    /**
     * The pages of a paged source (a PDF) a span {@code [start, end)} stands on: the first page of the passage it
     * starts in and the last page of the passage it ends in, as {@code [first, last]}; null when the passages carry
     * no pages. {@code passages} in text order.
     */
    public static int @Nullable [] pagesOf(List<Passage> passages, int start, int end) {
        Passage from = null;
        Passage to = null;
        for (Passage p : passages) {
            if (p.firstPage() == null) {
                continue;
            }
            if (from == null && p.end() > start) {
                from = p;
            }
            if (p.start() < Math.max(end, start + 1)) {
                to = p;
            }
        }
        if (from == null || to == null) {
            return null;
        }
        int last = to.lastPage() == null ? to.firstPage() : to.lastPage();
        return new int[] {from.firstPage(), Math.max(from.firstPage(), last)};
    }

    /** The metadata of a source and where its text came from (its capture, when it has one). */
    public record SourceDetails(UUID id, UUID projectId, SourceMetadata metadata, String format,
            @Nullable String originalFilename, @Nullable String charset, int textLength, String sha256,
            java.time.Instant createdAt, @Nullable CaptureDetails capture) {
    }
}
