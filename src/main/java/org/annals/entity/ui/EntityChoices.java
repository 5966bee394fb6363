package org.annals.entity.ui;

import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.annals.review.ui.PendingChoices;
import org.jspecify.annotations.Nullable;

/**
 * The entities a picker offers (the event form's place and actors, the entity form's "part of"):
 * vetted ones as the search engine ranks them for what was typed (then by name or alias), then the
 * proposed ones the person may already use, marked.
 */
public final class EntityChoices {

    private EntityChoices() {
    }

    /** Entities of one kind ({@code null}: any) for pickers in this project. */
    public static PendingChoices<EntitySummary> of(EntityService entities, UUID projectId, @Nullable EntityKind kind) {
        return new PendingChoices<>(EntitySummary::id,
                (filter, count) -> entities.searchRanked(projectId, filter, kind, count),
                (filter, count) -> entities.pending(projectId, filter, kind, count));
    }
}
