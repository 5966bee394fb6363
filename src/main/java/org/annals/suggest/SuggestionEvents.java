package org.annals.suggest;

import org.annals.collab.CollabEvent;
import org.annals.entity.EntityRecordType;

/**
 * Which live events change what {@link SuggestionService#forSource} returns, for pages that show suggestions
 * (pass {@link #concernsSuggestions} as the filter of {@code CollabService.subscribe}) and for the registry
 * cache of every node.
 */
public final class SuggestionEvents {

    private SuggestionEvents() {
    }

    /**
     * Whether an open source's suggestions may differ after the event: the registry changed (an entity approved,
     * merged or deleted: {@code APPROVED} with entities among its records), the pending registry changed (an
     * entity proposed, withdrawn, decided or edited in a draft), a name was refused or allowed again for the
     * project ({@code SUGGESTIONS_CHANGED}), or events were lost ({@code RESYNC}). Annotations approved or
     * proposed in the source also hide suggestions: a page that reloads its annotations on those reloads its
     * suggestions with them.
     */
    public static boolean concernsSuggestions(CollabEvent event) {
        return switch (event.kind()) {
            case SUGGESTIONS_CHANGED, RESYNC -> true;
            case APPROVED, SUBMITTED, REJECTED, CHANGES_REQUESTED, WITHDRAWN, DRAFT_CHANGED -> touchesEntities(event);
            case PRESENCE, COMMENTED, NOTIFIED, IMPORTED, PROJECT_DELETED -> false;
        };
    }

    /** Whether the vetted registry may have changed: what makes every node compile the project's matcher again. */
    static boolean changesVettedRegistry(CollabEvent event) {
        return event.kind() == CollabEvent.Kind.RESYNC
                || event.kind() == CollabEvent.Kind.APPROVED && touchesEntities(event);
    }

    private static boolean touchesEntities(CollabEvent event) {
        return event.partial() || event.records().stream().anyMatch(r -> EntityRecordType.KIND.equals(r.kind()));
    }
}
