package org.annals.collab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** One open page of one person, showing one context (a source) of a project. */
@Entity
@Table(name = "presence")
class Presence extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "context_id", nullable = false, updatable = false)
    private UUID contextId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    /** The person's selection in the context's text, [start, end); both null when nothing is selected. */
    @Column(name = "selection_start")
    private @Nullable Integer selectionStart;

    @Column(name = "selection_end")
    private @Nullable Integer selectionEnd;

    protected Presence() {
        // for JPA
    }

    /** With the id chosen by the node that keeps it, so that a lost row can be written again as it was. */
    Presence(UUID id, UUID projectId, UUID contextId, UUID userId, Instant seenAt) {
        assignId(id);
        this.projectId = projectId;
        this.contextId = contextId;
        this.userId = userId;
        this.seenAt = seenAt;
    }

    UUID getProjectId() {
        return projectId;
    }

    UUID getContextId() {
        return contextId;
    }

    UUID getUserId() {
        return userId;
    }

    @Nullable Integer getSelectionStart() {
        return selectionStart;
    }

    @Nullable Integer getSelectionEnd() {
        return selectionEnd;
    }

    /** In memory only, for {@link PresenceKeeper}'s copy of its open pages (the table is written by a query). */
    void setSelection(@Nullable Integer start, @Nullable Integer end) {
        this.selectionStart = start;
        this.selectionEnd = end;
    }
}
