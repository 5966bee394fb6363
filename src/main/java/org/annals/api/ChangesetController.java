package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.Uuids;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.review.ChangeAction;
import org.annals.review.ChangesetDetails;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ChangesetSummary;
import org.annals.review.ProposedOperation;
import org.annals.review.RecordTypes;
import org.annals.review.ReviewService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
    private final EntityService entities;

    ChangesetController(ChangesetService changesets, ReviewService review, RecordTypes types, EntityService entities) {
        this.entities = entities;
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
                    + " record's GET (an entity's or an event's) or an annotation's fields. An event's 'claims' say which"
                    + " source (and which annotation, the quote) gives its date, place, type, actors and casualty figures,"
                    + " one per field 'preferred' (see the API guide); the 'fatalities' of clients written before claims"
                    + " are still read, as casualty claims of the killed") @Nullable JsonNode payload) {
    }

    @Schema(description = "A decision's comment")
    record Decision(@Schema(description = "Optional for approval, required for rejection") @Nullable String comment) {
    }

    @Schema(description = "A proposed changeset, with warnings that do not stop it")
    record Proposed(@JsonUnwrapped ChangesetDetails changeset,
            @Schema(description = "New entities whose name or an alias is (case-, diacritic- and Arabic-letter-form-"
                    + "insensitively) that of a vetted entity of the same kind; empty when none")
            List<PossibleDuplicate> possibleDuplicates) {
    }

    @Schema(description = "A new entity of the changeset that may duplicate a vetted one")
    record PossibleDuplicate(@Schema(description = "The operation, from 1") int operation, UUID recordId,
            EntitySummary existing) {
    }

    @PostMapping(path = "/projects/{projectId}/changesets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Propose a changeset",
            description = "Operations apply in order when approved; a changeset may create a record and refer to"
                    + " it in a later operation. Needs the Editor role and a WRITE token.")
    @ApiResponse(responseCode = "201", description = "Proposed; the response lists each operation with its record id")
    ResponseEntity<Proposed> propose(@PathVariable UUID projectId, @RequestBody NewChangeset request) {
        List<ProposedOperation> operations = operations(types, request.operations());
        UUID id = changesets.propose(projectId, Objects.requireNonNullElse(request.message(), ""), operations,
                Boolean.TRUE.equals(request.submit()));
        var duplicates = new ArrayList<PossibleDuplicate>();
        for (int i = 0; i < operations.size(); i++) {
            ProposedOperation op = operations.get(i);
            if (op.action() == ChangeAction.CREATE && op.payload() instanceof EntityPayload entity) {
                for (EntitySummary existing : entities.possibleDuplicates(projectId, entity.kind(), entity.name(),
                        entity.aliases().stream().map(org.annals.entity.Alias::name).toList(), null)) {
                    duplicates.add(new PossibleDuplicate(i + 1, op.recordId(), existing));
                }
            }
        }
        return ResponseEntity.created(URI.create("/api/v1/changesets/" + id))
                .body(new Proposed(changesets.details(id), duplicates));
    }

    @GetMapping("/changesets/{changesetId}")
    @Operation(summary = "A changeset with each operation as a diff, and its discussion",
            description = "Needs the Editor role in the changeset's project.")
    ChangesetDetails get(@PathVariable UUID changesetId) {
        return changesets.details(changesetId);
    }

    @GetMapping("/projects/{projectId}/changesets")
    @Operation(summary = "The review queue, or (with mine=true) the caller's own changesets",
            description = "Without 'mine': the changesets submitted for review, filtered as the review page filters,"
                    + " oldest submission first unless order=newest. With mine=true: the caller's own changesets in"
                    + " every state (or those given in 'state'), most recently changed first unless order=oldest."
                    + " Needs the Editor role: editors see the queue, reviewers decide on it.")
    ApiPage<ChangesetSummary> list(@PathVariable UUID projectId,
            @Parameter(description = "Only the caller's own changesets, in every state") @RequestParam(defaultValue = "false")
            boolean mine,
            @Parameter(description = "With mine=true: only these states (repeat it or separate with commas): DRAFT,"
                    + " SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN. The queue holds SUBMITTED only.")
            @RequestParam(required = false) @Nullable List<String> state,
            @Parameter(description = "The queue only: changesets of this author (a user id)")
            @RequestParam(required = false) @Nullable UUID author,
            @Parameter(description = "Only changesets that change this kind of record: ENTITY, EVENT or ANNOTATION")
            @RequestParam(required = false) @Nullable String kind,
            @Parameter(description = "Only changesets concerning this source: annotations in it, claims citing it")
            @RequestParam(required = false) @Nullable UUID source,
            @Parameter(description = "oldest or newest first") @RequestParam(required = false) @Nullable String order,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        String recordKind = kind == null || kind.isBlank() ? null : types.get(kind.strip().toUpperCase(Locale.ROOT)).kind();
        Set<ChangesetState> states = states(state);
        if (mine) {
            if (author != null) {
                throw new InvalidInputException("'author' filters the review queue; with mine=true every changeset is"
                        + " the caller's own. Leave out one of them.");
            }
            boolean newestFirst = newestFirst(order, true);
            return new ApiPage<>(changesets.mine(projectId, states, recordKind, source, newestFirst, page, size), page,
                    size, changesets.countMine(projectId, states, recordKind, source));
        }
        if (!states.isEmpty() && !states.equals(EnumSet.of(ChangesetState.SUBMITTED))) {
            throw new InvalidInputException("The review queue holds only submitted changesets; to list your own in"
                    + " other states, add mine=true.");
        }
        boolean newestFirst = newestFirst(order, false);
        return new ApiPage<>(review.queue(projectId, author, recordKind, source, newestFirst, page, size), page, size,
                review.queueSize(projectId, author, recordKind, source));
    }

    @PostMapping("/changesets/{changesetId}/withdraw")
    @Operation(summary = "Withdraw a changeset that is not decided yet (a draft, submitted or sent back)",
            description = "Only its author may; nothing of it is applied, and it stays readable. 409 once decided."
                    + " Needs a WRITE token.")
    ChangesetDetails withdraw(@PathVariable UUID changesetId) {
        changesets.withdraw(changesetId);
        return changesets.details(changesetId);
    }

    @Schema(description = "The changeset as its author proposed it: send it back, changed, with PUT")
    record Proposal(String message, ChangesetState state, List<ProposedOperation> operations) {
    }

    @GetMapping("/changesets/{changesetId}/proposal")
    @Operation(summary = "The author's own changeset as proposed: message and operations with their full values",
            description = "The same shape as the body of PUT /changesets/{id}, to edit a draft or a changeset sent"
                    + " back for changes. Only its author may.")
    Proposal proposal(@PathVariable UUID changesetId) {
        var operations = changesets.proposedOperations(changesetId);
        var summary = changesets.details(changesetId).summary();
        return new Proposal(summary.message(), summary.state(), operations);
    }

    @PutMapping(path = "/changesets/{changesetId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revise a draft or a changeset sent back for changes",
            description = "Replaces every operation (and the message, when given) with those in the body, checked as"
                    + " when proposed; with submit=true it then goes (back) to review. Only its author may."
                    + " Needs a WRITE token.")
    ChangesetDetails revise(@PathVariable UUID changesetId, @RequestBody NewChangeset request) {
        String message = request.message() != null ? request.message()
                : changesets.details(changesetId).summary().message();
        changesets.revise(changesetId, message, operations(types, request.operations()));
        if (Boolean.TRUE.equals(request.submit())) {
            changesets.submit(changesetId);
        }
        return changesets.details(changesetId);
    }

    @Schema(description = "A comment in a changeset's discussion")
    record NewComment(@Schema(description = "The text; @username tells an editor of the project") @Nullable String body) {
    }

    @PostMapping(path = "/changesets/{changesetId}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add to a changeset's discussion",
            description = "Anyone who may read the changeset may (the Editor role). Needs a WRITE token.")
    @ApiResponse(responseCode = "201", description = "Added; the changeset with its discussion")
    ResponseEntity<ChangesetDetails> comment(@PathVariable UUID changesetId, @RequestBody NewComment comment) {
        changesets.comment(changesetId, Objects.requireNonNullElse(comment.body(), ""));
        return ResponseEntity.created(URI.create("/api/v1/changesets/" + changesetId)).body(changesets.details(changesetId));
    }

    @PostMapping("/changesets/{changesetId}/request-changes")
    @Operation(summary = "Send a submitted changeset back to its author, saying what to change",
            description = "The author can then revise it (PUT) and submit it again. Needs the Reviewer role and a"
                    + " WRITE token.")
    ChangesetDetails requestChanges(@PathVariable UUID changesetId,
            @RequestBody(required = false) @Nullable Decision decision) {
        review.requestChanges(changesetId, decision == null || decision.comment() == null ? "" : decision.comment());
        return changesets.details(changesetId);
    }

    @GetMapping("/changesets/{changesetId}/conflicts")
    @Operation(summary = "The operations of the author's open changeset whose records changed since it was based on them",
            description = "Each with the values the author started from (when known), the record's values and version"
                    + " now (null when it is gone) and what the author proposed: what a rebase needs. Only its author may.")
    ApiPage<ChangesetService.Rebase> conflicts(@PathVariable UUID changesetId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(changesets.conflicts(changesetId), page, size);
    }

    @PostMapping(path = "/changesets/{changesetId}/rebase", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move one UPDATE or DELETE of the author's open changeset onto the record's current version",
            description = "The body is the operation with the values the author chose and, as 'baseVersion', the"
                    + " version compared with (currentVersion from /conflicts). The changeset keeps its state and place"
                    + " in the queue. 409 when the record changed again meanwhile. Only its author may; WRITE token.")
    @ApiResponse(responseCode = "409", description = "The record changed again: compare once more")
    ChangesetDetails rebase(@PathVariable UUID changesetId, @RequestBody NewOperation operation) {
        changesets.rebase(changesetId, operation(types, 1, operation));
        return changesets.details(changesetId);
    }

    @Schema(description = "Optional when submitting: a new message for the reviewers")
    record Submission(@Schema(description = "Replaces the changeset's message") @Nullable String message) {
    }

    @PostMapping("/changesets/{changesetId}/submit")
    @Operation(summary = "Submit a draft (or a changeset sent back for changes) for review",
            description = "Only its author may; the body {message} optionally replaces the message. Needs a WRITE token.")
    ChangesetDetails submit(@PathVariable UUID changesetId,
            @RequestBody(required = false) @Nullable Submission submission) {
        if (submission != null && submission.message() != null) {
            changesets.submit(changesetId, submission.message());
        } else {
            changesets.submit(changesetId);
        }
        return changesets.details(changesetId);
    }

    @PostMapping("/changesets/{changesetId}/approve")
    @Operation(summary = "Approve a submitted changeset: apply every operation, or none",
            description = "Needs the Reviewer role; not one's own changeset unless the project allows it. 409 when a"
                    + " record changed since the changeset was based on it, or when it uses records of other open"
                    + " changesets ('dependsOn') and withDependencies is not set (nothing is applied). With"
                    + " withDependencies=true those changesets (and what they use) are approved in the same step,"
                    + " each with its own revisions: all or nothing; the reviewer must be allowed to approve each."
                    + " Needs a WRITE token.")
    @ApiResponse(responseCode = "200", description = "Approved and applied; the changeset as it is now")
    @ApiResponse(responseCode = "409", description = "Records changed since the changeset was based on them, or it"
            + " waits for open changesets")
    ChangesetDetails approve(@PathVariable UUID changesetId, @RequestBody(required = false) @Nullable Decision decision,
            @Parameter(description = "Also approve the open changesets whose records this one uses, in one step")
            @RequestParam(defaultValue = "false") boolean withDependencies) {
        String comment = decision == null ? null : decision.comment();
        if (withDependencies) {
            review.approveWithDependencies(changesetId, comment);
        } else {
            review.approve(changesetId, comment);
        }
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

    private static Set<ChangesetState> states(@Nullable List<String> given) {
        var states = EnumSet.noneOf(ChangesetState.class);
        if (given == null) {
            return states;
        }
        for (String part : given) {
            for (String name : part.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    states.add(ChangesetState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("Unknown 'state' '" + name.strip() + "': use DRAFT, SUBMITTED,"
                            + " CHANGES_REQUESTED, APPROVED, REJECTED or WITHDRAWN.");
                }
            }
        }
        return states;
    }

    private static boolean newestFirst(@Nullable String order, boolean byDefault) {
        if (order == null || order.isBlank()) {
            return byDefault;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "newest" -> true;
            case "oldest" -> false;
            default -> throw new InvalidInputException("Unknown 'order' '" + order.strip() + "': use oldest or newest.");
        };
    }

    /**
     * The operations of a request, numbered from 1 for the messages; one more than the service takes is
     * read, so that the service refuses an oversized changeset with its own message.
     */
    static List<ProposedOperation> operations(RecordTypes types, @Nullable List<NewOperation> given) {
        var operations = new ArrayList<ProposedOperation>();
        List<NewOperation> all = Objects.requireNonNullElse(given, List.of());
        for (int i = 0; i < all.size() && i <= ChangesetService.MAX_OPERATIONS; i++) {
            operations.add(operation(types, i + 1, all.get(i)));
        }
        return operations;
    }
}
