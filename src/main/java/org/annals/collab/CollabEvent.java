package org.annals.collab;

import java.util.Set;
import java.util.UUID;
import org.annals.review.ChangesetActivity;
import org.annals.review.RecordRef;
import org.jspecify.annotations.Nullable;

/**
 * Something changed in a project that open views may want to show: which changeset, which records,
 * in which contexts (an annotation's source), and who did it. Ids and kinds only: a view that cares
 * reloads what it shows through the services, which check what the viewer may see.
 *
 * @param changesetId the changeset concerned; null for {@link Kind#PRESENCE} and {@link Kind#RESYNC}
 * @param records the records touched; empty when {@code partial}
 * @param contexts the contexts those records live in (sources); may be empty when {@code partial}
 * @param actorId who did it (who came or went, for presence); null for {@link Kind#RESYNC}
 * @param partial the records and contexts were too many to carry (or events were lost): treat the event
 *     as concerning anything in the project
 */
public record CollabEvent(UUID projectId, Kind kind, @Nullable UUID changesetId, Set<RecordRef> records,
        Set<UUID> contexts, @Nullable UUID actorId, boolean partial) {

    public CollabEvent {
        records = Set.copyOf(records);
        contexts = Set.copyOf(contexts);
    }

    public enum Kind {
        /** The actor's own draft changed: only the actor's pages show drafts. */
        DRAFT_CHANGED,
        SUBMITTED,
        /** Vetted data changed: every member's pages may show it. */
        APPROVED,
        REJECTED,
        CHANGES_REQUESTED,
        WITHDRAWN,
        /** Someone opened or left a page on the context: lists of who is here may have changed. */
        PRESENCE,
        /**
         * Someone commented: on a record (in {@code records}, its source in {@code contexts}) or on a
         * changeset ({@code changesetId}). Records themselves did not change.
         */
        COMMENTED,
        /**
         * The person in {@code actorId} got a notification (a mention, a decision, a conflict): their
         * bell recounts. Only that person hears of it.
         */
        NOTIFIED,
        /** A source was imported (its id in {@code contexts}): lists of sources and the activity feed grow. */
        IMPORTED,
        /**
         * The project was deleted, with everything in it (by {@code actorId}): open pages of it leave. Told to
         * everyone who had it open, although they are no longer members of anything there.
         */
        PROJECT_DELETED,
        /**
         * What the suggestions of the project's sources are made of changed outside a changeset: an alias was
         * refused for the whole project ("never here") or allowed again ({@code actorId} did it). Editors' open
         * sources read their suggestions again. (Registry changes travel as {@link #APPROVED} and the other
         * changeset kinds, with the entities in {@code records}: see org.annals.suggest.SuggestionEvents.)
         */
        SUGGESTIONS_CHANGED,
        /**
         * Events may have been missed (a lost bus connection, a flood that was coalesced): reload
         * everything that is shown.
         */
        RESYNC
    }

    static CollabEvent of(ChangesetActivity activity) {
        Kind kind = switch (activity.activity()) {
            case DRAFT_CHANGED -> Kind.DRAFT_CHANGED;
            case SUBMITTED -> Kind.SUBMITTED;
            case APPROVED -> Kind.APPROVED;
            case REJECTED -> Kind.REJECTED;
            case CHANGES_REQUESTED -> Kind.CHANGES_REQUESTED;
            case WITHDRAWN -> Kind.WITHDRAWN;
        };
        return new CollabEvent(activity.projectId(), kind, activity.changesetId(), activity.records(),
                activity.contexts(), activity.actorId(), false);
    }

    /** Reload everything in this project: carries no ids at all. */
    static CollabEvent resync(UUID projectId) {
        return new CollabEvent(projectId, Kind.RESYNC, null, Set.of(), Set.of(), null, true);
    }

    /** The same event without its records (and, if {@code dropContexts}, its contexts): for a bus with a size limit. */
    CollabEvent shrunk(boolean dropContexts) {
        return new CollabEvent(projectId, kind, changesetId, Set.of(), dropContexts ? Set.of() : contexts, actorId, true);
    }

    /** Whether a view of this context (a source) may have to change. */
    public boolean concernsContext(UUID contextId) {
        return partial || contexts.contains(contextId);
    }

    /** Whether a view of this record may have to change. */
    public boolean concernsRecord(RecordRef record) {
        return partial || records.contains(record);
    }

    /**
     * Whether records, proposals or changesets may have changed. (Switches here name every kind, without
     * a default, so that a new kind does not pass unnoticed into the views that use them.)
     */
    public boolean changesRecords() {
        return switch (kind) {
            case DRAFT_CHANGED, SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, RESYNC -> true;
            case PRESENCE, COMMENTED, NOTIFIED, IMPORTED, PROJECT_DELETED, SUGGESTIONS_CHANGED -> false;
        };
    }

    /** Whether the discussion of this record may have a new comment. */
    public boolean concernsThreadOf(RecordRef record) {
        return (kind == Kind.COMMENTED || kind == Kind.RESYNC) && concernsRecord(record);
    }

    /** Whether the list of who has the context open may have changed. */
    public boolean changesPresenceIn(UUID contextId) {
        return (kind == Kind.PRESENCE || kind == Kind.RESYNC) && concernsContext(contextId);
    }

    /** Whether the queue of changesets waiting for review may have changed. */
    public boolean concernsReviewQueue() {
        return switch (kind) {
            case SUBMITTED, APPROVED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, RESYNC -> true;
            case DRAFT_CHANGED, PRESENCE, COMMENTED, NOTIFIED, IMPORTED, PROJECT_DELETED, SUGGESTIONS_CHANGED -> false;
        };
    }
}
