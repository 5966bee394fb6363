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

    public record Passage(int ordinal, BlockKind kind, int start, int end, @Nullable Integer section) {
    }

    public record Range(int start, int end) {
    }

    /** The metadata of a source and where its text came from (its capture, when it has one). */
    public record SourceDetails(UUID id, UUID projectId, SourceMetadata metadata, String format,
            @Nullable String originalFilename, @Nullable String charset, int textLength, String sha256,
            java.time.Instant createdAt, @Nullable CaptureDetails capture) {
    }
}
