package org.annals.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** One create, update or delete of a record, with the proposed values and the version it was based on. */
@Entity
@Table(name = "change_operation")
public class ChangeOperation extends AbstractEntity {

    @Column(name = "changeset_id", nullable = false, updatable = false)
    private UUID changesetId;

    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(name = "record_kind", nullable = false, updatable = false, length = 32)
    private String recordKind;

    @Column(name = "record_id", nullable = false, updatable = false)
    private UUID recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    private ChangeAction action;

    @Column(name = "base_version", updatable = false)
    private @Nullable Long baseVersion;

    /** The proposed record as JSON (for a delete: the record as it was when proposed). */
    @Column(updatable = false)
    private @Nullable String payload;

    @Column(nullable = false, updatable = false, length = 500)
    private String label;

    /** See {@link RecordType#context}. */
    @Column(name = "context_id", updatable = false)
    private @Nullable UUID contextId;

    protected ChangeOperation() {
    }

    ChangeOperation(UUID changesetId, int ordinal, String recordKind, UUID recordId, ChangeAction action,
            @Nullable Long baseVersion, @Nullable String payload, String label, @Nullable UUID contextId) {
        this.contextId = contextId;
        this.changesetId = changesetId;
        this.ordinal = ordinal;
        this.recordKind = recordKind;
        this.recordId = recordId;
        this.action = action;
        this.baseVersion = baseVersion;
        this.payload = payload;
        this.label = label.length() <= 500 ? label : label.substring(0, 499) + "…";
    }

    public UUID getChangesetId() {
        return changesetId;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public String getRecordKind() {
        return recordKind;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public ChangeAction getAction() {
        return action;
    }

    public @Nullable Long getBaseVersion() {
        return baseVersion;
    }

    public @Nullable String getPayload() {
        return payload;
    }

    public String getLabel() {
        return label;
    }

    public @Nullable UUID getContextId() {
        return contextId;
    }
}
