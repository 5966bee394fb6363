package org.annals.review.ui;

import java.util.Map;
import java.util.UUID;
import org.annals.review.ChangesetService;
import org.annals.review.ProposedOperation;

/**
 * A record kind's form for editing a proposal that is still a draft or was sent back for changes.
 * Features that plug a record kind into the engine provide one as a Spring bean, so the generic
 * "My changes" page can offer "Edit" without knowing the kind.
 */
public interface RecordEditor {

    String kind();

    /**
     * The name under which the browser keeps what is typed into a proposal being edited ({@code TypedWork}):
     * "My changes" offers it back through {@link #edit(UUID, UUID, String, ProposedOperation, Runnable, Map)}.
     */
    static String proposalForm(UUID changesetId) {
        return PROPOSAL_FORM_PREFIX + changesetId;
    }

    String PROPOSAL_FORM_PREFIX = "proposal:";

    /** The same as {@link #edit(UUID, UUID, String, ProposedOperation, Runnable)}, with typed work put back. */
    default void edit(UUID projectId, UUID changesetId, String message, ProposedOperation operation, Runnable revised,
            Map<String, String> kept) {
        edit(projectId, changesetId, message, operation, revised);
    }

    /** Opens the editor; {@code revised} runs after the changeset was revised (and maybe submitted). */
    void edit(UUID projectId, UUID changesetId, String message, ProposedOperation operation, Runnable revised);

    /**
     * Opens the editor on the author's stale proposal with its comparison against the current version,
     * so that the author carries their values over ({@code rebased} runs after). Returns false when this
     * kind cannot (the record is gone, say): the author then edits, withdraws or proposes again.
     */
    default boolean rebase(UUID projectId, UUID changesetId, String message, ChangesetService.Rebase conflict,
            Runnable rebased) {
        return false;
    }
}
