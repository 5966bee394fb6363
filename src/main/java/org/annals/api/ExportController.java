package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.export.ExportFilter;
import org.annals.export.ExportFormat;
import org.annals.export.ExportService;
import org.annals.export.StreamedExport;
import org.annals.project.ProjectService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The vetted dataset as files, streamed from the database to the client as it is read: constant
 * memory whatever the size, as in the web app's export page (the same {@link ExportService}). Each
 * download is a job of the node's job runner and counts against its limit like the page's exports.
 */
@RestController
@Tag(name = "Exports", description = "The vetted dataset as CSV and JSON files")
class ExportController {

    private final ExportService exports;
    private final ProjectService projects;

    ExportController(ExportService exports, ProjectService projects) {
        this.exports = exports;
        this.projects = projects;
    }

    @GetMapping("/api/v1/projects/{projectId}/exports/{file}")
    @Operation(summary = "Download an export of the vetted dataset",
            description = "file: events.csv, claims.csv (one row per claim: who says what about each event),"
                    + " entities.csv, annotations.csv, dataset.json, dataset.jsonl,"
                    + " annotations.jsonld (W3C Web Annotations), timeline.json (TimelineJS) or events.geojson"
                    + " (the events as RFC 7946 GeoJSON). Only approved records;"
                    + " the same data gives the same bytes. Dates, type, actor and place select events and the"
                    + " annotations that are their evidence; source selects one source's annotations and the events"
                    + " they support; entities are always exported whole. Needs any role in the project.")
    @ApiResponse(responseCode = "200", description = "The file, streamed",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "503", description = "The server already runs as many exports and releases as it may"
            + " (annals.jobs.max-concurrent); try again after the seconds in Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID projectId,
            @Parameter(description = "events.csv, claims.csv, entities.csv, annotations.csv, dataset.json, dataset.jsonl,"
                    + " annotations.jsonld, timeline.json or events.geojson") @PathVariable String file,
            @Parameter(description = "Events on or after this day (YYYY-MM-DD)") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Events on or before this day (YYYY-MM-DD)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "Event type or sub-type id") @RequestParam(required = false) @Nullable UUID type,
            @Parameter(description = "Entity id of an actor") @RequestParam(required = false) @Nullable UUID actor,
            @Parameter(description = "Entity id of the place") @RequestParam(required = false) @Nullable UUID place,
            @Parameter(description = "Source id") @RequestParam(required = false) @Nullable UUID source,
            @Parameter(description = "CSV only: start with a UTF-8 byte order mark, for spreadsheets that need one")
            @RequestParam(defaultValue = "false") boolean bom) {
        ExportFormat format = ExportFormat.byFileName(file).orElseThrow(() -> new NotFoundException("Export " + file));
        var filter = new ExportFilter(EventController.day("from", from), EventController.day("to", to), type, actor,
                place, source);
        // Permission and a job slot come before streaming starts, so that a refusal or "busy" is a problem
        // response and not a cut-off file. The slot is given back when the body has been written.
        projects.get(projectId);
        StreamedExport export = exports.stream(projectId, format, filter, bom && format.csv());
        StreamingResponseBody body = export::writeTo;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(format.fileName())
                        .build().toString())
                .body(body);
    }
}
