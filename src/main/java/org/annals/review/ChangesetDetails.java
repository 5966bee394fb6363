package org.annals.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A changeset opened for review: every operation as a diff, and the discussion. */
public record ChangesetDetails(ChangesetSummary summary, @Nullable String decidedBy, @Nullable Instant decidedAt,
        @Nullable String decisionComment, List<OperationDiff> operations, List<Comment> discussion,
        List<Link> dependsOn, List<Link> neededBy) {

    /**
     * Another open changeset this one is tied to (decision 0023): in {@code dependsOn}, one that creates
     * records this one uses; in {@code neededBy}, one that uses records this one creates.
     */
    public record Link(UUID id, String message, String authorName, ChangesetState state) {
    }

    /**
     * One operation, field by field: before (the vetted record now; once the changeset is approved,
     * the revision it replaced) and after (proposed; once approved, as applied), with the sources the
     * proposed values cite (for a deletion, those the record cites now). {@code currentVersion} is the
     * version of what "before" shows.
     */
    public record OperationDiff(UUID recordId, String kind, String kindName, ChangeAction action, String label,
            @Nullable Long baseVersion, @Nullable Long currentVersion, List<FieldChange> fields,
            List<Citation> citations) {

        /** The record changed since this operation was based on it: approving it would overwrite someone. */
        public boolean stale() {
            return action != ChangeAction.CREATE && (currentVersion == null || !currentVersion.equals(baseVersion));
        }
    }

    public record FieldChange(String field, @Nullable String before, @Nullable String after) {
        public boolean changed() {
            return before == null ? after != null : !before.equals(after);
        }
    }

    public record Comment(String author, String body, Instant at) {
    }
}
