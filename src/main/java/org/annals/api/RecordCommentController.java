package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.annals.discussion.DiscussionService;
import org.annals.discussion.ThreadComment;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.event.EventRecordType;
import org.annals.event.EventService;
import org.annals.review.RecordRef;
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
 * The discussion of a vetted entity or event, as its page shows it: any member reads and adds to it.
 * A merged duplicate's id reaches the surviving record's thread, as its GET does.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Discussion", description = "Comments on vetted records")
class RecordCommentController {

    private final DiscussionService discussion;
    private final EntityService entities;
    private final EventService events;

    RecordCommentController(DiscussionService discussion, EntityService entities, EventService events) {
        this.discussion = discussion;
        this.entities = entities;
        this.events = events;
    }

    @Schema(description = "A comment")
    record NewComment(@Schema(description = "The text; @username tells a member of the project") @Nullable String body) {
    }

    @GetMapping("/{records:entities|events}/{recordId}/comments")
    @Operation(summary = "An entity's or event's discussion, oldest first",
            description = "'records' is entities or events. Needs any role in the project.")
    ApiPage<ThreadComment> thread(@PathVariable UUID projectId, @PathVariable String records, @PathVariable UUID recordId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(discussion.thread(projectId, vetted(projectId, records, recordId)), page, size);
    }

    @PostMapping(path = "/{records:entities|events}/{recordId}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add to an entity's or event's discussion",
            description = "'records' is entities or events. Needs any role in the project and a WRITE token.")
    @ApiResponse(responseCode = "201", description = "Added; the comment as the thread shows it")
    ResponseEntity<ThreadComment> comment(@PathVariable UUID projectId, @PathVariable String records,
            @PathVariable UUID recordId, @RequestBody NewComment comment) {
        RecordRef record = vetted(projectId, records, recordId);
        discussion.comment(projectId, record, Objects.requireNonNullElse(comment.body(), ""));
        // The thread is oldest first: what was just added is its last comment.
        ThreadComment posted = discussion.thread(projectId, record).getLast();
        return ResponseEntity.created(URI.create("/api/v1/projects/" + projectId + "/" + records + "/" + record.id()
                + "/comments")).body(posted);
    }

    /** The vetted entity or event (404 otherwise), followed through a merge as its GET does. */
    private RecordRef vetted(UUID projectId, String records, UUID recordId) {
        return records.equals("events") ? new RecordRef(EventRecordType.KIND, events.get(projectId, recordId).id())
                : new RecordRef(EntityRecordType.KIND, entities.get(projectId, recordId).id());
    }
}
