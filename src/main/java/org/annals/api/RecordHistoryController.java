package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.annals.base.NotFoundException;
import org.annals.entity.EntityRecordType;
import org.annals.event.EventRecordType;
import org.annals.review.ChangesetDetails;
import org.annals.review.ChangesetService;
import org.annals.review.HistoryService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every applied change of an entity or an event, as its history page shows it, and going back to one
 * of them (a proposal like any other). Deleted records keep their history.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}/{records:entities|events}/{recordId}/history",
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "History", description = "The revisions of vetted records")
class RecordHistoryController {

    private final HistoryService history;
    private final ChangesetService changesets;

    RecordHistoryController(HistoryService history, ChangesetService changesets) {
        this.history = history;
        this.changesets = changesets;
    }

    @GetMapping
    @Operation(summary = "A record's revisions, oldest first: who proposed and approved each, in which changeset, what changed",
            description = "'records' is entities or events. Needs any role in the project.")
    ApiPage<HistoryService.Revision> list(@PathVariable UUID projectId, @PathVariable String records,
            @PathVariable UUID recordId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(revisions(projectId, records, recordId), page, size);
    }

    @Schema(description = "How to propose the revert")
    record Revert(@Schema(description = "Send to review at once; otherwise it stays a draft") @Nullable Boolean submit) {
    }

    @PostMapping("/{revisionId}/revert")
    @Operation(summary = "Propose bringing the record back to how it was after this revision",
            description = "A changeset like any other (a draft unless submit=true); it recreates a deleted record."
                    + " Needs the Editor role and a WRITE token.")
    @ApiResponse(responseCode = "201", description = "Proposed; the changeset")
    ResponseEntity<ChangesetDetails> revert(@PathVariable UUID projectId, @PathVariable String records,
            @PathVariable UUID recordId, @PathVariable UUID revisionId,
            @RequestBody(required = false) @Nullable Revert request) {
        UUID changeset = history.revert(projectId, kind(records), recordId, revisionId,
                request != null && Boolean.TRUE.equals(request.submit()));
        return ResponseEntity.created(URI.create("/api/v1/changesets/" + changeset)).body(changesets.details(changeset));
    }

    /** A record this project never had has no history here: 404, as for its GET. */
    private List<HistoryService.Revision> revisions(UUID projectId, String records, UUID recordId) {
        List<HistoryService.Revision> revisions = history.history(projectId, kind(records), recordId);
        if (revisions.isEmpty()) {
            throw new NotFoundException(records.equals("events") ? "Event" : "Entity");
        }
        return revisions;
    }

    private static String kind(String records) {
        return records.equals("events") ? EventRecordType.KIND : EntityRecordType.KIND;
    }
}
