package org.annals.review;

import java.util.Set;
import java.util.UUID;

/**
 * Published inside the transaction whenever a changeset is drafted or amended, submitted, decided or
 * withdrawn: ids and kinds only, never the proposed values. {@code records} are the records it
 * changes (on approval also those the change rippled to), {@code contexts} the contexts they live in
 * (an annotation's source). Listeners that tell other people (live views, through the collab bus)
 * react after commit, so a change that rolls back is never announced.
 */
public record ChangesetActivity(UUID changesetId, UUID projectId, UUID authorId, UUID actorId, Activity activity,
        Set<RecordRef> records, Set<UUID> contexts) {

    public ChangesetActivity {
        records = Set.copyOf(records);
        contexts = Set.copyOf(contexts);
    }

    public enum Activity {
        /** The author's draft (or a changeset sent back) was created or edited: only the author sees it. */
        DRAFT_CHANGED,
        SUBMITTED,
        APPROVED,
        REJECTED,
        CHANGES_REQUESTED,
        WITHDRAWN
    }
}
