package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.annals.review.ChangesetDetails;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.RecordTypes;
import org.annals.review.WorkingDraftService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's working draft in a project, as the web app's "My draft" page has it: read its items, add
 * operations, remove an item, submit it, split items off into a changeset of their own.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}/draft", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "My draft", description = "The caller's working draft in a project: one changeset across sources")
class WorkingDraftController {

    private final WorkingDraftService drafts;
    private final ChangesetService changesets;
    private final RecordTypes types;

    WorkingDraftController(WorkingDraftService drafts, ChangesetService changesets, RecordTypes types) {
        this.drafts = drafts;
        this.changesets = changesets;
        this.types = types;
    }

    @Schema(description = "The caller's working draft: its changeset (null when there is none yet) and one page of items")
    record Draft(@Nullable UUID changesetId, @Nullable String message, ApiPage<WorkingDraftService.DraftItem> items) {
    }

    @Schema(description = "Operations to add to the working draft")
    record Additions(
            @Schema(description = "The draft's message if this starts it; it is described again when submitted")
            @Nullable String message,
            @Nullable List<ChangesetController.NewOperation> operations) {
    }

    @Schema(description = "What was added: the draft's changeset and each operation's record id, in order")
    record Added(UUID changesetId, List<UUID> recordIds, long total) {
    }

    @Schema(description = "The items removed, and how many are left in the draft")
    record Removed(List<WorkingDraftService.DraftItem> removed, long remaining) {
    }

    @Schema(description = "A message for the reviewers")
    record Submission(@Nullable String message) {
    }

    @Schema(description = "Items to move into a changeset of their own")
    record SplitRequest(@Schema(description = "The record ids of the items") @Nullable List<UUID> recordIds,
            @Nullable String message,
            @Schema(description = "Send to review at once; otherwise it becomes an ordinary draft") @Nullable Boolean submit) {
    }

    @Schema(description = "The new changeset, every item moved, and those moved because the chosen ones use them")
    record SplitResult(ChangesetDetails changeset, List<WorkingDraftService.DraftItem> moved,
            List<WorkingDraftService.DraftItem> alsoMoved) {
    }

    @GetMapping
    @Operation(summary = "The caller's working draft with one page of its items, in the order they were added",
            description = "Needs the Editor role.")
    Draft get(@PathVariable UUID projectId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        var overview = drafts.overview(projectId);
        long total = overview.map(WorkingDraftService.Overview::size).orElse(0L);
        var items = overview.isEmpty() ? List.<WorkingDraftService.DraftItem>of() : drafts.items(projectId, page * size, size);
        return new Draft(overview.map(WorkingDraftService.Overview::changesetId).orElse(null),
                overview.map(WorkingDraftService.Overview::message).orElse(null), new ApiPage<>(items, page, size, total));
    }

    @PostMapping(path = "/operations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add operations to the caller's working draft (started when there is none)",
            description = "Operations as for proposing a changeset; one on a record the draft already changes replaces"
                    + " it. Needs the Editor role and a WRITE token.")
    Added add(@PathVariable UUID projectId, @RequestBody Additions request) {
        List<ProposedOperation> operations = ChangesetController.operations(types, request.operations());
        UUID id = drafts.add(projectId, Objects.requireNonNullElse(request.message(), ""), operations);
        return new Added(id, operations.stream().map(ProposedOperation::recordId).toList(), drafts.count(projectId));
    }

    @DeleteMapping("/items/{recordId}")
    @Operation(summary = "Remove an item (its operation) from the caller's working draft",
            description = "When other items use the record it creates, nothing is removed (400, naming them) unless"
                    + " withDependents=true, which removes them too. Needs the Editor role and a WRITE token.")
    @ApiResponse(responseCode = "200", description = "Removed; the items removed")
    Removed remove(@PathVariable UUID projectId, @PathVariable UUID recordId,
            @RequestParam(defaultValue = "false") boolean withDependents) {
        var removed = drafts.remove(projectId, List.of(recordId), withDependents);
        return new Removed(removed, drafts.count(projectId));
    }

    @PostMapping(path = "/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit the caller's working draft for review with a message",
            description = "Needs the Editor role and a WRITE token.")
    ChangesetDetails submit(@PathVariable UUID projectId, @RequestBody Submission request) {
        UUID id = drafts.submit(projectId, Objects.requireNonNullElse(request.message(), ""));
        return changesets.details(id);
    }

    @PostMapping(path = "/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move items of the working draft into a changeset of their own",
            description = "New records of the draft that the items use move with them. Needs the Editor role and a"
                    + " WRITE token.")
    @ApiResponse(responseCode = "201", description = "Split off; the new changeset and what moved")
    ResponseEntity<SplitResult> split(@PathVariable UUID projectId, @RequestBody SplitRequest request) {
        var split = drafts.split(projectId, Objects.requireNonNullElse(request.recordIds(), List.of()),
                Objects.requireNonNullElse(request.message(), ""), Boolean.TRUE.equals(request.submit()));
        return ResponseEntity.created(URI.create("/api/v1/changesets/" + split.changesetId()))
                .body(new SplitResult(changesets.details(split.changesetId()), split.moved(), split.alsoMoved()));
    }
}
