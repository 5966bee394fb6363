package org.annals.source.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.SourceMetadata;
import org.annals.source.parse.DraftBlock;
import org.jspecify.annotations.Nullable;

/** One file (or pasted text) on the import page: its preview, the person's choices, and its outcome. */
final class PendingImport {

    enum State { READY, FAILED, IMPORTED }

    private final String name;
    private final @Nullable ImportPreview preview;
    private final boolean[] keep;
    private State state;
    private String message;
    private @Nullable UUID sourceId;
    private SourceMetadata metadata;
    private boolean allowDuplicate;

    private PendingImport(String name, @Nullable ImportPreview preview, State state, String message) {
        this.name = name;
        this.preview = preview;
        this.state = state;
        this.message = message;
        this.keep = new boolean[preview == null ? 0 : preview.draft().blocks().size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !preview.draft().blocks().get(i).looksLikeChrome();
        }
        String title = preview != null && preview.draft().title() != null ? preview.draft().title() : titleFrom(name);
        this.metadata = new SourceMetadata(title, null, null, null, null, LocalDate.now(), null, null);
    }

    static PendingImport ready(String name, ImportPreview preview) {
        long flagged = preview.draft().blocks().stream().filter(DraftBlock::looksLikeChrome).count();
        String format = preview.draft().format().displayName();
        // Documents (PDF, Word, OpenDocument) are recognised by their content and have no character set to show.
        String how = preview.charsetNote().equals(format) ? "recognised by its content" : preview.charsetNote();
        String summary = format + ", " + how + ", "
                + preview.draft().blocks().size() + " blocks" + (flagged > 0 ? ", " + flagged + " look like page chrome" : "")
                + (preview.duplicates().isEmpty() ? "" : ". Already in this project!");
        return new PendingImport(name, preview, State.READY, summary);
    }

    /** A page fetched by address: its metadata starts with the address that answered and the day it was fetched. */
    static PendingImport fetched(String url, ImportPreview preview) {
        PendingImport item = ready(url, preview);
        var original = preview.original();
        if (original != null && original.finalUrl() != null) {
            SourceMetadata m = item.metadata;
            item.metadata = new SourceMetadata(m.title(), original.finalUrl(), m.publisher(), m.author(),
                    m.publishedOn(), LocalDate.ofInstant(original.retrievedAt(), java.time.ZoneOffset.UTC),
                    m.language(), m.licence());
        }
        return item;
    }

    static PendingImport failed(String name, String reason) {
        return new PendingImport(name, null, State.FAILED, reason);
    }

    private static String titleFrom(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,10}$", "").replace('_', ' ').strip();
        return base.isEmpty() ? "Untitled source" : base;
    }

    ImportRequest request() {
        if (preview == null) {
            throw new IllegalStateException("nothing to import");
        }
        List<DraftBlock> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(preview.draft().blocks().get(i));
            }
        }
        return new ImportRequest(metadata, preview.draft().format(), kept, preview.filename(), preview.charset(),
                allowDuplicate, preview.original());
    }

    void imported(UUID sourceId, String message) {
        this.state = State.IMPORTED;
        this.sourceId = sourceId;
        this.message = message;
    }

    void failedToImport(String message) {
        this.message = message;
    }

    String name() {
        return name;
    }

    @Nullable ImportPreview preview() {
        return preview;
    }

    State state() {
        return state;
    }

    String message() {
        return message;
    }

    @Nullable UUID sourceId() {
        return sourceId;
    }

    boolean keeps(int block) {
        return keep[block];
    }

    void keep(int block, boolean value) {
        keep[block] = value;
    }

    SourceMetadata metadata() {
        return metadata;
    }

    void metadata(SourceMetadata metadata) {
        this.metadata = metadata;
    }

    boolean allowDuplicate() {
        return allowDuplicate;
    }

    void allowDuplicate(boolean allowed) {
        this.allowDuplicate = allowed;
    }
}
