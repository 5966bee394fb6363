package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.annals.source.CaptureService;
import org.annals.source.ImportPreview;
import org.annals.source.OriginalFile;
import org.annals.source.fetch.UrlImportService;
import org.annals.source.fetch.UrlPreview;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.annals.source.SourceText;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}/sources", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sources")
class SourceController {

    /** How much of a dropped block the answer repeats. */
    private static final int FIRST_WORDS = 80;

    private final SourceService sources;
    private final SourceImportService imports;
    private final UrlImportService urlImports;
    private final CaptureService captures;

    SourceController(SourceService sources, SourceImportService imports, UrlImportService urlImports,
            CaptureService captures) {
        this.sources = sources;
        this.imports = imports;
        this.urlImports = urlImports;
        this.captures = captures;
    }

    @GetMapping
    @Operation(summary = "The project's sources, by title", description = "Needs any role in the project.")
    ApiPage<SourceSummary> list(@PathVariable UUID projectId,
            @Parameter(description = "Only titles or publishers containing this text") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return new ApiPage<>(sources.library(projectId, q, Sort.unsorted(), page, size), page, size,
                sources.count(projectId, q));
    }

    @GetMapping("/{sourceId}")
    @Operation(summary = "One source: metadata, the frozen text, and its sections, passages and citations",
            description = "Offsets count UTF-16 code units, [start, end). Needs any role in the project.")
    SourceText get(@PathVariable UUID projectId, @PathVariable UUID sourceId) {
        return sources.read(projectId, sourceId);
    }

    @Schema(description = "A source to import")
    record NewSource(
            @Schema(description = "Title; taken from the document's first heading when left out") @Nullable String title,
            @Schema(description = "Where the text comes from (http or https)") @Nullable String url,
            @Schema(description = "text, markdown, html or mediawiki; detected from the content when left out")
            @Nullable String format,
            @Schema(description = "The text itself, at most the import size limit") @Nullable String content,
            @Nullable String publisher, @Nullable String author, @Nullable LocalDate publishedOn,
            @Nullable LocalDate retrievedOn,
            @Schema(description = "Language code, e.g. en, ar, pt-BR") @Nullable String language,
            @Nullable String licence,
            @Schema(description = "Import even when the project already has a source with exactly this text")
            @Nullable Boolean allowDuplicate,
            @Schema(description = "Keep every block, also those that look like page chrome (navigation, footers,"
                    + " comment forms). Default: true for plain text, whose chrome is guessed from the words alone;"
                    + " false for Markdown, HTML and MediaWiki markup, whose chrome is dropped and listed in the"
                    + " answer's 'dropped'.")
            @Nullable Boolean keepAll) {
    }

    @Schema(description = "A block left out of the stored text because it looks like page chrome")
    record DroppedBlock(
            @Schema(description = "Why it looks like chrome, e.g. 'navigation link', 'blog comment form'") String reason,
            @Schema(description = "heading, paragraph, table, list or quote") String kind,
            @Schema(description = "Its first words (at most 80 characters, '…' when cut)") String firstWords,
            @Schema(description = "Its length in characters (UTF-16 code units)") int characters) {
    }

    @Schema(description = "The imported source, and what was left out of it")
    record ImportAnswer(UUID sourceId, String title,
            @Schema(description = "Characters of the stored text") int textLength, int sections, int passages,
            int citations,
            @Schema(description = "Whether every block was kept (the request's keepAll, or its default)")
            boolean keptAll,
            @Schema(description = "Blocks of the parsed text that were kept") int keptBlocks,
            @Schema(description = "Blocks left out as page chrome, in reading order") List<DroppedBlock> dropped,
            @Schema(description = "How many blocks were left out") int droppedBlocks,
            @Schema(description = "Their characters together") long droppedCharacters) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a source",
            description = "Parses the content as the web app's import does and freezes it. Plain text is kept whole"
                    + " unless keepAll is false; in the other formats the blocks that look like page chrome"
                    + " (navigation, footers, comment forms) are left out unless keepAll is true. The answer lists"
                    + " every block left out (reason, kind, first words, length) with totals. Needs the Editor role"
                    + " and a WRITE token. 409 when the project already holds exactly this text (unless"
                    + " allowDuplicate).")
    @ApiResponse(responseCode = "201", description = "Imported")
    @ApiResponse(responseCode = "409", description = "The project already has a source with exactly this text")
    ResponseEntity<ImportAnswer> importSource(@PathVariable UUID projectId, @RequestBody NewSource request) {
        String content = Objects.requireNonNullElse(request.content(), "");
        ImportPreview preview = imports.previewPasted(projectId, content,
                request.format() == null ? null : format(request.format()));
        boolean keepAll = request.keepAll() != null ? request.keepAll()
                : ImportPreview.keepsAllByDefault(preview.draft().format());
        List<DraftBlock> blocks = preview.draft().blocks();
        List<DraftBlock> kept = keepAll ? blocks : blocks.stream().filter(block -> !block.looksLikeChrome()).toList();
        List<DroppedBlock> dropped = keepAll ? List.of()
                : blocks.stream().filter(DraftBlock::looksLikeChrome).map(SourceController::dropped).toList();
        String title = request.title() != null && !request.title().isBlank() ? request.title() : preview.draft().title();
        var metadata = new SourceMetadata(Objects.requireNonNullElse(title, ""), request.url(), request.publisher(),
                request.author(), request.publishedOn(), request.retrievedOn(), request.language(), request.licence());
        ImportedSource imported = imports.importSource(projectId, new ImportRequest(metadata, preview.draft().format(),
                kept, null, null, Boolean.TRUE.equals(request.allowDuplicate())));
        var answer = new ImportAnswer(imported.sourceId(), imported.title(), imported.textLength(), imported.sections(),
                imported.passages(), imported.citations(), keepAll, kept.size(), dropped, dropped.size(),
                dropped.stream().mapToLong(DroppedBlock::characters).sum());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/sources/" + imported.sourceId()))
                .body(answer);
    }

    private static DroppedBlock dropped(DraftBlock block) {
        return new DroppedBlock(Objects.requireNonNullElse(block.chromeReason(), ""),
                block.kind().name().toLowerCase(Locale.ROOT), firstWords(block.text()), block.text().length());
    }

    /** The start of a block, cut at a word boundary: enough to recognise it, not the whole text again. */
    private static String firstWords(String text) {
        String oneLine = text.replace('\n', ' ');
        if (oneLine.length() <= FIRST_WORDS) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', FIRST_WORDS - 1);
        if (cut <= FIRST_WORDS / 2) {
            cut = Character.isHighSurrogate(oneLine.charAt(FIRST_WORDS - 2)) ? FIRST_WORDS - 2 : FIRST_WORDS - 1;
        }
        return oneLine.substring(0, cut) + "…";
    }

    @Schema(description = "Web addresses to import, each as its own source")
    record NewSourcesFromUrls(
            @Schema(description = "The addresses (http or https), at most annals.fetch.max-urls-per-batch") @Nullable List<String> urls,
            @Schema(description = "One address, instead of urls") @Nullable String url,
            @Schema(description = "Import even when the project already has a source with exactly this text")
            @Nullable Boolean allowDuplicate) {
    }

    @Schema(description = "What became of one address: the source imported from it, or why not")
    record UrlImportResult(String url, @Nullable UUID sourceId, @Nullable String title, @Nullable String finalUrl,
            @Nullable Integer httpStatus, @Nullable String contentType, @Nullable String sha256,
            @Nullable Integer textLength,
            @Schema(description = "Why the address was not imported: DISABLED, INVALID_ADDRESS, REFUSED_ADDRESS,"
                    + " UNREACHABLE, TIMEOUT, HTTP_STATUS, TOO_LARGE, UNSUPPORTED_TYPE, TOO_MANY_REDIRECTS, UNREADABLE,"
                    + " DUPLICATE") @Nullable String reason,
            @Nullable String error) {
    }

    record UrlImportResults(int imported, int failed, List<UrlImportResult> results) {
    }

    @PostMapping(path = "/from-url", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import sources from web addresses",
            description = "Fetches each address (redirects followed and checked; private addresses refused unless the"
                    + " operator allows them), keeps the article's main content with the web app's chrome rules, and"
                    + " stores each as its own source with its capture (original bytes, final address, status,"
                    + " content type, time, SHA-256). Each address succeeds or fails on its own; 201 when at least one"
                    + " was imported (the failures are listed), 400 problem JSON when none was. Needs the Editor role"
                    + " and a WRITE token.")
    @ApiResponse(responseCode = "201", description = "At least one address imported")
    @ApiResponse(responseCode = "400", description = "No address could be imported (the detail says why)")
    ResponseEntity<UrlImportResults> importFromUrls(@PathVariable UUID projectId,
            @RequestBody NewSourcesFromUrls request) {
        var urls = new ArrayList<String>();
        if (request.urls() != null) {
            request.urls().stream().filter(Objects::nonNull).forEach(urls::add);
        }
        if (request.url() != null) {
            urls.add(request.url());
        }
        List<UrlPreview> previews = urlImports.previewAll(projectId, urls);
        var results = new ArrayList<UrlImportResult>();
        int imported = 0;
        for (UrlPreview p : previews) {
            if (p.preview() == null) {
                results.add(new UrlImportResult(p.url(), null, null, null, null, null, null, null,
                        p.reason() == null ? null : p.reason().name(), p.error()));
                continue;
            }
            ImportPreview preview = p.preview();
            var original = Objects.requireNonNull(preview.original());
            var kept = preview.draft().blocks().stream().filter(block -> !block.looksLikeChrome()).toList();
            String title = preview.draft().title() != null ? preview.draft().title() : preview.filename();
            var metadata = new SourceMetadata(Objects.requireNonNullElse(title, p.url()), original.finalUrl(), null,
                    null, null, LocalDate.ofInstant(original.retrievedAt(), ZoneOffset.UTC), null, null);
            try {
                ImportedSource source = imports.importSource(projectId, new ImportRequest(metadata,
                        preview.draft().format(), kept, preview.filename(), preview.charset(),
                        Boolean.TRUE.equals(request.allowDuplicate()), original));
                results.add(new UrlImportResult(p.url(), source.sourceId(), metadata.title(), original.finalUrl(),
                        original.httpStatus(), original.contentType(), original.sha256(), source.textLength(), null,
                        null));
                imported++;
            } catch (org.annals.source.DuplicateSourceException e) {
                results.add(new UrlImportResult(p.url(), null, null, original.finalUrl(), original.httpStatus(),
                        original.contentType(), original.sha256(), null, "DUPLICATE", e.getMessage()));
            } catch (InvalidInputException e) {
                results.add(new UrlImportResult(p.url(), null, null, original.finalUrl(), original.httpStatus(),
                        original.contentType(), original.sha256(), null, "UNREADABLE", e.getMessage()));
            }
        }
        if (imported == 0) {
            throw new InvalidInputException(results.size() == 1 ? results.getFirst().error()
                    : "None of the " + results.size() + " addresses could be imported: " + String.join(" ",
                            results.stream().map(r -> r.url() + ": " + r.error()).toList()));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new UrlImportResults(imported, results.size() - imported, results));
    }

    @GetMapping(path = "/{sourceId}/original", produces = MediaType.ALL_VALUE)
    @Operation(summary = "The original a source was imported from, byte for byte",
            description = "The uploaded file or the fetched page exactly as it arrived; its SHA-256 is the capture's"
                    + " (GET /sources/{sourceId} gives it). Always an attachment of type application/octet-stream."
                    + " 404 when the source has no original (pasted text) or it was larger than the server keeps."
                    + " Needs any role in the project.")
    ResponseEntity<byte[]> original(@PathVariable UUID projectId, @PathVariable UUID sourceId) {
        OriginalFile file = captures.original(projectId, sourceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.bytes().length)
                .body(file.bytes());
    }

    private static SourceFormat format(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "text", "plain", "txt" -> SourceFormat.PLAIN_TEXT;
            case "markdown", "md" -> SourceFormat.MARKDOWN;
            case "html" -> SourceFormat.HTML;
            case "mediawiki", "wiki" -> SourceFormat.MEDIAWIKI;
            default -> throw new InvalidInputException("Unknown format '" + name
                    + "': use text, markdown, html or mediawiki, or leave it out to have it detected.");
        };
    }
}
