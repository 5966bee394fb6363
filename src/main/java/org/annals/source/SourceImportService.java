package org.annals.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.ByteSizes;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.security.CurrentUser;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceDraft;
import org.annals.source.parse.SourceFormat;
import org.annals.source.parse.SourceParser;
import org.annals.source.parse.SourceTooComplexException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import in two steps: {@link #preview} decodes and parses a file without storing anything, then
 * {@link #importSource} freezes what the person confirmed and stores the source, its text version
 * and all its ranges in one transaction, so a failed import leaves nothing behind.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SourceImportService {

    private static final Logger log = LoggerFactory.getLogger(SourceImportService.class);

    private final ProjectAccess access;
    private final SourceRepository sources;
    private final TextVersionRepository texts;
    private final TextSegmentRepository segments;
    private final ImportProperties limits;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SourceParser parser = new SourceParser();
    private final CaptureRepository captures;
    private final OriginalProperties originals;

    SourceImportService(ProjectAccess access, SourceRepository sources, TextVersionRepository texts,
            TextSegmentRepository segments, ImportProperties limits,
            org.springframework.context.ApplicationEventPublisher events, CaptureRepository captures,
            OriginalProperties originals) {
        this.captures = captures;
        this.originals = originals;
        this.events = events;
        this.access = access;
        this.sources = sources;
        this.texts = texts;
        this.segments = segments;
        this.limits = limits;
    }

    public ImportProperties limits() {
        return limits;
    }

    /** Decodes (detecting the charset) and parses an uploaded file. Stores nothing. */
    @Transactional(readOnly = true)
    public ImportPreview preview(UUID projectId, String filename, byte[] content) {
        return preview(projectId, filename, content, null);
    }

    /**
     * Decodes and parses an uploaded file, in the charset the person chose (one of {@link TextEncoding#SUPPORTED}) or
     * the detected one when null. Document files (PDF, Word, OpenDocument) have no charset; one given is ignored.
     * Stores nothing.
     */
    @Transactional(readOnly = true)
    public ImportPreview preview(UUID projectId, String filename, byte[] content, @Nullable String charset) {
        access.require(projectId, ProjectRole.EDITOR);
        if (content.length > limits.maxFileSize().toBytes()) {
            throw new InvalidInputException(ByteSizes.tooLarge("The file", content.length,
                    limits.maxFileSize().toBytes()));
        }
        SourceFormat document = SourceParser.detectDocument(filename, content);
        if (document != null) {
            SourceDraft draft;
            try {
                draft = parser.parseDocument(content, document, limits.parseLimits());
            } catch (SourceTooComplexException e) {
                throw new InvalidInputException(e.getMessage());
            }
            return withOriginal(preview(projectId, filename, draft, null, document.displayName()),
                    Original.file(filename, content));
        }
        DecodedText decoded = TextDecoder.decode(content, limits.maxFileSize().toBytes(), charset);
        SourceFormat format = SourceParser.detect(filename, decoded.text());
        return withOriginal(preview(projectId, filename, decoded.text(), format, decoded.charset().name(),
                decoded.charsetNote()), Original.file(filename, content));
    }

    /** The bytes of an uploaded file go with its preview, to be kept with the source (decision 0034). */
    private static ImportPreview withOriginal(ImportPreview preview, Original original) {
        return new ImportPreview(preview.filename(), preview.draft(), preview.charset(), preview.charsetNote(),
                preview.duplicates(), original);
    }

    /**
     * The preview of something read elsewhere (a page fetched by address, org.annals.source.fetch): its draft,
     * how it was read, and its original, checked for duplicates like an upload. Stores nothing.
     */
    @Transactional(readOnly = true)
    public ImportPreview previewCaptured(UUID projectId, String name, SourceDraft draft, @Nullable String charset,
            String note, Original original) {
        access.require(projectId, ProjectRole.EDITOR);
        return withOriginal(preview(projectId, name, draft, charset, note), original);
    }

    /** Parses pasted text. Stores nothing. */
    @Transactional(readOnly = true)
    public ImportPreview previewPasted(UUID projectId, String text) {
        return previewPasted(projectId, text, null);
    }

    /** Parses pasted text in the given format, or the detected one when null (the REST API lets callers say). */
    @Transactional(readOnly = true)
    public ImportPreview previewPasted(UUID projectId, String text, @Nullable SourceFormat given) {
        access.require(projectId, ProjectRole.EDITOR);
        long size = utf8Length(text);
        if (size > limits.maxFileSize().toBytes()) {
            throw new InvalidInputException(ByteSizes.tooLarge("The text", size, limits.maxFileSize().toBytes()));
        }
        if (text.isBlank()) {
            throw new InvalidInputException("Paste some text first.");
        }
        // The same refusals as for an uploaded file: text sent through the API may be a binary or UTF-16 file that
        // a script read as single bytes.
        TextSniffer.requireText(text, "The text");
        SourceFormat format = given != null ? given : SourceParser.detect("pasted.txt", text);
        return preview(projectId, null, text, format, null, "pasted text");
    }

    private ImportPreview preview(UUID projectId, @Nullable String filename, String text, SourceFormat format,
            @Nullable String charset, String charsetNote) {
        SourceDraft draft;
        try {
            draft = parser.parse(text, format, limits.parseLimits());
        } catch (SourceTooComplexException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return preview(projectId, filename, draft, charset, charsetNote);
    }

    private ImportPreview preview(UUID projectId, @Nullable String filename, SourceDraft draft,
            @Nullable String charset, String charsetNote) {
        List<DraftBlock> proposed = ImportPreview.proposedBlocks(draft);
        List<ExistingSource> duplicates = proposed.isEmpty() ? List.of()
                : sources.findBySha256(projectId, freeze(proposed).sha256());
        return new ImportPreview(filename, draft, charset, charsetNote, duplicates);
    }

    /** Freezes blocks and refuses a text larger than one source may store. */
    private FrozenText freeze(List<DraftBlock> blocks) {
        FrozenText frozen = TextFreezer.freeze(blocks);
        if (frozen.text().length() > limits.maxTextLength()) {
            throw new InvalidInputException("The text is too long: " + number(frozen.text().length())
                    + " characters. One source holds at most " + number(limits.maxTextLength())
                    + "; split it into several sources.");
        }
        long segments = (long) frozen.sections().size() + frozen.passages().size() + frozen.citations().size();
        if (segments > limits.maxSegments()) {
            throw new InvalidInputException("The text has too many parts: " + number(segments)
                    + " sections, passages and citation markers. One source holds at most "
                    + number(limits.maxSegments()) + "; split it into several sources.");
        }
        return frozen;
    }

    private static String number(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a pair makes 4
        }
        return bytes;
    }

    /** Freezes the confirmed blocks and stores the source. All or nothing. */
    @Transactional
    public ImportedSource importSource(UUID projectId, ImportRequest request) {
        access.require(projectId, ProjectRole.EDITOR);
        SourceMetadata metadata = request.metadata().validated();
        FrozenText frozen = freeze(request.keptBlocks());
        List<ExistingSource> duplicates = sources.findBySha256(projectId, frozen.sha256());
        if (!duplicates.isEmpty() && !request.allowDuplicate()) {
            throw new DuplicateSourceException(duplicates.getFirst());
        }
        Instant now = Instant.now();
        TextVersion text = duplicates.isEmpty() ? storeText(projectId, frozen, now)
                : texts.getReferenceById(sources.findById(duplicates.getFirst().id()).orElseThrow().getTextVersionId());
        UUID author = CurrentUser.require().userId();
        Source source = sources.save(new Source(projectId, text, metadata, request.format(),
                label(request.filename(), 255), label(request.charset(), 40), author, now));
        Original original = request.original();
        if (original != null) {
            // In this transaction: the source never exists without the capture it was made from, nor the reverse.
            captures.save(new Capture(projectId, source.getId(), text.getId(), original,
                    label(original.fileName(), 255), originals.keeps(original.size())));
        }
        log.info("Source '{}' ({} characters) imported into project {} by '{}'", metadata.title(),
                frozen.text().length(), projectId, CurrentUser.require().getUsername());
        events.publishEvent(new SourceImported(projectId, source.getId(), metadata.title(), author, now));
        return new ImportedSource(source.getId(), metadata.title(), frozen.text().length(), frozen.sections().size(),
                frozen.passages().size(), frozen.citations().size());
    }

    private TextVersion storeText(UUID projectId, FrozenText frozen, Instant now) {
        TextVersion text = texts.save(new TextVersion(projectId, frozen, now));
        UUID id = text.getId();
        var rows = new ArrayList<TextSegment>(frozen.sections().size() + frozen.passages().size()
                + frozen.citations().size());
        for (int i = 0; i < frozen.sections().size(); i++) {
            var s = frozen.sections().get(i);
            rows.add(new TextSegment(id, TextSegment.Kind.SECTION, i, s.start(), s.end(), s.level(), null,
                    truncate(s.title()), s.parent()));
        }
        for (int i = 0; i < frozen.passages().size(); i++) {
            var p = frozen.passages().get(i);
            rows.add(new TextSegment(id, TextSegment.Kind.PASSAGE, i, p.start(), p.end(), 0, p.kind(), null,
                    p.section(), p.pages()));
        }
        for (int i = 0; i < frozen.citations().size(); i++) {
            var c = frozen.citations().get(i);
            rows.add(new TextSegment(id, TextSegment.Kind.CITATION, i, c.start(), c.end(), 0, null, null, null));
        }
        segments.saveAll(rows);
        return text;
    }

    /** File names and charset names come from the browser: keep the last path part, printable, bounded. */
    private static @Nullable String label(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String name = value.substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1)
                .codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() <= max ? name : name.substring(0, max);
    }

    private static String truncate(String title) {
        return title.length() <= 500 ? title : title.substring(0, 499) + "…";
    }
}
