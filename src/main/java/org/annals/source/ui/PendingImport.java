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
    /** The file as uploaded, so it can be read again in another charset; null for pasted text. */
    private final byte @Nullable [] content;
    private final boolean[] keep;
    private State state;
    private String message;
    private @Nullable UUID sourceId;
    private SourceMetadata metadata;
    private boolean allowDuplicate;

    private PendingImport(String name, @Nullable ImportPreview preview, byte @Nullable [] content, State state,
            String message) {
        this.name = name;
        this.preview = preview;
        this.content = content;
        this.state = state;
        this.message = message;
        this.keep = new boolean[preview == null ? 0 : preview.draft().blocks().size()];
        boolean keepAll = preview != null && ImportPreview.keepsAllByDefault(preview.draft().format());
        for (int i = 0; i < keep.length; i++) {
            keep[i] = keepAll || !preview.draft().blocks().get(i).looksLikeChrome();
        }
        String title = preview != null && preview.draft().title() != null ? preview.draft().title() : titleFrom(name);
        this.metadata = new SourceMetadata(title, null, null, null, null, LocalDate.now(), null, null);
    }

    static PendingImport ready(String name, ImportPreview preview) {
        return ready(name, preview, null);
    }

    /** A parsed file; its bytes are kept so that it can be read again in another charset. */
    static PendingImport ready(String name, ImportPreview preview, byte @Nullable [] content) {
        long flagged = preview.draft().blocks().stream().filter(DraftBlock::looksLikeChrome).count();
        String chrome = flagged == 0 ? ""
                : ImportPreview.keepsAllByDefault(preview.draft().format())
                        ? ", " + flagged + " look like page chrome (kept: plain text keeps everything unless you drop it)"
                        : ", " + flagged + " look like page chrome";
        String format = preview.draft().format().displayName();
        // Documents (PDF, Word, OpenDocument) are recognised by their content and have no character set to show.
        String how = preview.charsetNote().equals(format) ? "recognised by its content" : preview.charsetNote();
        String summary = format + ", " + how + ", " + preview.draft().blocks().size() + " blocks" + chrome
                + (preview.duplicates().isEmpty() ? "" : ". Already in this project!");
        return new PendingImport(name, preview, content, State.READY, summary);
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
        return new PendingImport(name, null, null, State.FAILED, reason);
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

    /**
     * The same file read again (in another charset): the new blocks with their proposals, the metadata typed so far,
     * and a title from the new text unless the person changed the one proposed.
     */
    PendingImport reread(ImportPreview again) {
        PendingImport next = ready(name, again, content);
        String proposedTitle = preview != null ? preview.draft().title() : null;
        boolean titleUntouched = metadata.title().equals(proposedTitle != null ? proposedTitle : titleFrom(name));
        SourceMetadata m = metadata;
        next.metadata = titleUntouched ? new SourceMetadata(next.metadata.title(), m.url(), m.publisher(), m.author(),
                m.publishedOn(), m.retrievedOn(), m.language(), m.licence()) : m;
        next.allowDuplicate = allowDuplicate;
        return next;
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

    /** Whether the file can be read again in another charset: an uploaded text file (not a document, not pasted). */
    boolean canChangeCharset() {
        return content != null && preview != null && preview.charset() != null && state != State.IMPORTED;
    }

    byte @Nullable [] content() {
        return content;
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
