package org.annals.source;

import java.util.List;
import org.annals.source.parse.BlockKind;
import org.annals.source.parse.DraftBlock.Pages;
import org.jspecify.annotations.Nullable;

/**
 * A normalised text with its structure as offset ranges ([start, end) in UTF-16 code units, what
 * both Java and the browser count). Sections nest by heading level; passages cover every block,
 * headings included, in reading order; citation markers are ranges inside passages.
 */
public record FrozenText(String text, String sha256, List<Section> sections, List<Passage> passages,
        List<Range> citations) {

    public FrozenText {
        sections = List.copyOf(sections);
        passages = List.copyOf(passages);
        citations = List.copyOf(citations);
    }

    /** A heading and everything up to the next heading of the same or a higher level. */
    public record Section(int level, String title, int start, int end, @Nullable Integer parent) {
    }

    /** A block of the text; {@code pages} where it stood in a paged original (a PDF), else null. */
    public record Passage(BlockKind kind, int start, int end, @Nullable Integer section, @Nullable Pages pages) {

        public Passage(BlockKind kind, int start, int end, @Nullable Integer section) {
            this(kind, start, end, section, null);
        }
    }

    public record Range(int start, int end) {
    }
}
