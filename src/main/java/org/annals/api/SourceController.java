package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.SourceService;
import org.annals.source.SourceSummary;
import org.annals.source.SourceText;
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

    private final SourceService sources;
    private final SourceImportService imports;

    SourceController(SourceService sources, SourceImportService imports) {
        this.sources = sources;
        this.imports = imports;
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
            @Nullable Boolean allowDuplicate) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a source",
            description = "Parses the content as the web app's import does, drops the blocks that look like page"
                    + " chrome (navigation, footers) and freezes the rest. Needs the Editor role and a WRITE token."
                    + " 409 when the project already holds exactly this text (unless allowDuplicate).")
    @ApiResponse(responseCode = "201", description = "Imported")
    @ApiResponse(responseCode = "409", description = "The project already has a source with exactly this text")
    ResponseEntity<ImportedSource> importSource(@PathVariable UUID projectId, @RequestBody NewSource request) {
        String content = Objects.requireNonNullElse(request.content(), "");
        ImportPreview preview = imports.previewPasted(projectId, content,
                request.format() == null ? null : format(request.format()));
        var kept = preview.draft().blocks().stream().filter(block -> !block.looksLikeChrome()).toList();
        String title = request.title() != null && !request.title().isBlank() ? request.title() : preview.draft().title();
        var metadata = new SourceMetadata(Objects.requireNonNullElse(title, ""), request.url(), request.publisher(),
                request.author(), request.publishedOn(), request.retrievedOn(), request.language(), request.licence());
        ImportedSource imported = imports.importSource(projectId, new ImportRequest(metadata, preview.draft().format(),
                kept, null, null, Boolean.TRUE.equals(request.allowDuplicate())));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/sources/" + imported.sourceId()))
                .body(imported);
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
