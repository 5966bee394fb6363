package org.annals.discussion.ui;

import java.util.List;
import java.util.UUID;
import org.annals.collab.CollabEvent;
import org.annals.collab.CollabService;
import org.annals.discussion.DiscussionService;
import org.annals.discussion.ThreadComment;
import org.annals.review.ChangesetService;
import org.annals.review.RecordRef;
import org.springframework.stereotype.Component;

/** Builds the threads that views show, so that a view needs one collaborator for its discussion. */
@Component
public class CommentThreads {

    private final DiscussionService discussion;
    private final ChangesetService changesets;
    private final CollabService collab;

    CommentThreads(DiscussionService discussion, ChangesetService changesets, CollabService collab) {
        this.discussion = discussion;
        this.changesets = changesets;
        this.collab = collab;
    }

    /** The thread of an event, entity or annotation of the project. */
    public CommentThread forRecord(UUID projectId, RecordRef record) {
        var thread = new CommentThread(new CommentThread.Source() {
            @Override
            public UUID projectId() {
                return projectId;
            }

            @Override
            public List<ThreadComment> load() {
                return discussion.thread(projectId, record);
            }

            @Override
            public void post(String body) {
                discussion.comment(projectId, record, body);
            }

            @Override
            public boolean concerns(CollabEvent event) {
                return event.concernsThreadOf(record);
            }
        }, discussion, collab);
        thread.getElement().setAttribute("data-thread", record.kind() + ":" + record.id());
        return thread;
    }

    /** The discussion of a changeset (its decision comments included). */
    public CommentThread forChangeset(UUID projectId, UUID changesetId) {
        var thread = new CommentThread(new CommentThread.Source() {
            @Override
            public UUID projectId() {
                return projectId;
            }

            @Override
            public List<ThreadComment> load() {
                return changesets.discussion(changesetId).stream()
                        .map(c -> new ThreadComment(c.author(), c.body(), c.at())).toList();
            }

            @Override
            public void post(String body) {
                changesets.comment(changesetId, body);
            }

            @Override
            public boolean concerns(CollabEvent event) {
                return event.kind() == CollabEvent.Kind.RESYNC || changesetId.equals(event.changesetId())
                        && switch (event.kind()) {
                            case COMMENTED, APPROVED, REJECTED, CHANGES_REQUESTED -> true;
                            default -> false;
                        };
            }
        }, discussion, collab);
        thread.getElement().setAttribute("data-thread", "CHANGESET:" + changesetId);
        return thread;
    }
}
