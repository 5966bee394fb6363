package org.annals.discussion;

import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetActivity;
import org.annals.review.ChangesetCommented;
import org.annals.review.RecordRef;
import org.annals.source.SourceImported;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the activity feed from what features announce, in their transaction (a change that rolls
 * back leaves no line), and handles what a changeset comment sets off here: its mentions and its
 * live announcement. Drafts are private to their author and never appear.
 */
@Component
class ActivityRecorder {

    private final ProjectActivityRepository activities;
    private final Mentions mentions;
    private final ApplicationEventPublisher events;

    ActivityRecorder(ProjectActivityRepository activities, Mentions mentions, ApplicationEventPublisher events) {
        this.activities = activities;
        this.mentions = mentions;
        this.events = events;
    }

    void record(ProjectActivity activity) {
        activities.save(activity);
    }

    @EventListener
    void changesetActivity(ChangesetActivity activity) {
        ActivityKind kind = switch (activity.activity()) {
            case DRAFT_CHANGED -> null;
            case SUBMITTED -> ActivityKind.PROPOSED;
            case APPROVED -> ActivityKind.APPROVED;
            case REJECTED -> ActivityKind.REJECTED;
            case CHANGES_REQUESTED -> ActivityKind.CHANGES_REQUESTED;
            case WITHDRAWN -> ActivityKind.WITHDRAWN;
        };
        if (kind == null) {
            return;
        }
        // One record (and one source) is linked to directly; a larger changeset is linked to as a whole.
        @Nullable RecordRef only = activity.records().size() == 1 ? activity.records().iterator().next() : null;
        @Nullable UUID context = activity.contexts().size() == 1 ? activity.contexts().iterator().next() : null;
        // Only approvals are vetted: what was proposed, refused or withdrawn is for editors and above,
        // as in the live updates (CollabService).
        activities.save(new ProjectActivity(activity.projectId(), java.time.Instant.now(), activity.actorId(), kind,
                kind != ActivityKind.APPROVED, activities.changesetMessage(activity.changesetId()),
                activity.changesetId(), only == null ? null : only.kind(), only == null ? null : only.id(), context));
    }

    @EventListener
    void sourceImported(SourceImported imported) {
        activities.save(new ProjectActivity(imported.projectId(), imported.at(), imported.importerId(),
                ActivityKind.IMPORTED, false, imported.title(), null, null, null, imported.sourceId()));
    }

    /** A changeset's thread is for editors and above: so are its line in the feed and its mentions. */
    @EventListener
    void changesetCommented(ChangesetCommented commented) {
        activities.save(new ProjectActivity(commented.projectId(), commented.at(), commented.authorId(),
                ActivityKind.COMMENTED, true, commented.changesetMessage(), commented.changesetId(), null, null, null));
        mentions.notifyMentioned(commented.projectId(), commented.body(), commented.authorId(), ProjectRole.EDITOR,
                "the changeset \"" + commented.changesetMessage() + "\"",
                user -> ThreadLinks.changeset(commented.projectId(), commented.changesetId(),
                        user.equals(commented.changesetAuthorId())));
        events.publishEvent(new CommentPosted(commented.projectId(), null, null, commented.changesetId(),
                commented.authorId(), commented.commentId()));
    }
}
