package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.Uuids;
import org.annals.review.ChangeAction;
import org.annals.review.ChangesetDetails;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;
import org.annals.review.RecordTypes;
import org.annals.review.ReviewService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Proposing and deciding changes, with exactly the rules of the web app: the same services decide
 * who may propose, submit, approve and reject, and approval applies all or nothing.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Changesets", description = "Every change is a proposal that a reviewer decides on")
class ChangesetController {

    private final ChangesetService changesets;
    private final ReviewService review;
    private final RecordTypes types;

    ChangesetController(ChangesetService changesets, ReviewService review, RecordTypes types) {
        this.changesets = changesets;
        this.review = review;
        this.types = types;
    }

    @Schema(description = "A changeset to propose")
    record NewChangeset(
            @Schema(description = "What the change is and why, for the reviewers") @Nullable String message,
            @Schema(description = "Send to review at once; otherwise it stays a draft to submit later") @Nullable Boolean submit,
            @Nullable List<NewOperation> operations) {
    }

    @Schema(description = "One operation on one record")
    record NewOperation(
            @Schema(description = "ENTITY, EVENT or ANNOTATION") @Nullable String kind,
            @Schema(description = "The record; for CREATE it may be left out and is then chosen by the server")
            @Nullable UUID recordId,
            @Nullable ChangeAction action,
            @Schema(description = "For UPDATE and DELETE: the 'version' of the record that the change is based on")
            @Nullable Long baseVersion,
            @Schema(type = "object", description = "For CREATE and UPDATE: the record's complete new values, as in 'values' of the"
                    + " record's GET (an entity's or an event's) or an annotation's fields") @Nullable JsonNode payload) {
    }

    @Schema(description = "A decision's comment")
    record Decision(@Schema(description = "Optional for approval, required for rejection") @Nullable String comment) {
    }

    @PostMapping(path = "/projects/{projectId}/changesets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a changeset",
            description = "Operations apply in order when approved; a changeset may create a record and refer to"
                    + " it in a later operation. Needs the Editor role and a WRITE token.")
    @ApiResponse(responseCode = "201", description = "Proposed; the response lists each operation with its record id")
    ResponseEntity<ChangesetDetails> propose(@PathVariable UUID projectId, @RequestBody NewChangeset request) {
        var operations = new ArrayList<ProposedOperation>();
        List<NewOperation> given = Objects.requireNonNullElse(request.operations(), List.of());
        for (int i = 0; i < given.size() && i <= ChangesetService.MAX_OPERATIONS; i++) {
            operations.add(operation(i + 1, given.get(i)));
        }
        UUID id = changesets.propose(projectId, Objects.requireNonNullElse(request.message(), ""), operations,
                Boolean.TRUE.equals(request.submit()));
        return ResponseEntity.created(URI.create("/api/v1/changesets/" + id)).body(changesets.details(id));
    }

    @GetMapping("/changesets/{changesetId}")
    @Operation(summary = "A changeset with each operation as a diff, and its discussion",
            description = "Needs the Editor role in the changeset's project.")
    ChangesetDetails get(@PathVariable UUID changesetId) {
        return changesets.details(changesetId);
    }

    @PostMapping("/changesets/{changesetId}/submit")
    @Operation(summary = "Submit a draft (or a changeset sent back for changes) for review",
            description = "Only its author may. Needs a WRITE token.")
    ChangesetDetails submit(@PathVariable UUID changesetId) {
        changesets.submit(changesetId);
        return changesets.details(changesetId);
    }

    @PostMapping("/changesets/{changesetId}/approve")
    @Operation(summary = "Approve a submitted changeset: apply every operation, or none",
            description = "Needs the Reviewer role; not one's own changeset unless the project allows it. 409 when a"
                    + " record changed since the changeset was based on it (nothing is applied). Needs a WRITE token.")
    @ApiResponse(responseCode = "200", description = "Approved and applied; the changeset as it is now")
    @ApiResponse(responseCode = "409", description = "Records changed since the changeset was based on them")
    ChangesetDetails approve(@PathVariable UUID changesetId, @RequestBody(required = false) @Nullable Decision decision) {
        review.approve(changesetId, decision == null ? null : decision.comment());
        return changesets.details(changesetId);
    }

    @PostMapping("/changesets/{changesetId}/reject")
    @Operation(summary = "Reject a submitted changeset, saying why",
            description = "Needs the Reviewer role and a WRITE token.")
    @ApiResponse(responseCode = "200", description = "Rejected; the changeset as it is now")
    ChangesetDetails reject(@PathVariable UUID changesetId, @RequestBody(required = false) @Nullable Decision decision) {
        review.reject(changesetId, decision == null || decision.comment() == null ? "" : decision.comment());
        return changesets.details(changesetId);
    }

    private ProposedOperation operation(int number, NewOperation op) {
        return operation(types, number, op);
    }

    /** One operation as the API receives it, read into the engine's form; {@code number} names it in messages. */
    static ProposedOperation operation(RecordTypes types, int number, NewOperation op) {
        if (op.kind() == null || op.action() == null) {
            throw new InvalidInputException("Operation " + number + " needs a 'kind' and an 'action'.");
        }
        UUID recordId = op.recordId();
        if (recordId == null) {
            if (op.action() != ChangeAction.CREATE) {
                throw new InvalidInputException("Operation " + number + " needs the 'recordId' of the record to change.");
            }
            recordId = Uuids.timeOrdered();
        }
        Object payload = null;
        if (op.action() != ChangeAction.DELETE) {
            if (op.payload() == null || op.payload().isNull()) {
                throw new InvalidInputException("Operation " + number + " needs a 'payload' with the record's values.");
            }
            try {
                payload = types.readProposed(op.kind(), op.payload().toString());
            } catch (InvalidInputException e) {
                throw new InvalidInputException("Operation " + number + ": " + e.getMessage());
            }
        }
        return new ProposedOperation(op.kind(), recordId, op.action(), op.baseVersion(), payload);
    }
}
