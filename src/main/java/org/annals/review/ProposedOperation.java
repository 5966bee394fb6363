package org.annals.review;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One operation as an editor proposes it. {@code baseVersion} is the version of the record the
 * editor's form showed (required for updates and deletes); {@code payload} is the proposed record
 * (null for deletes).
 */
public record ProposedOperation(String kind, UUID recordId, ChangeAction action, @Nullable Long baseVersion,
        @Nullable Object payload) {

    public static ProposedOperation create(String kind, UUID recordId, Object payload) {
        return new ProposedOperation(kind, recordId, ChangeAction.CREATE, null, payload);
    }

    public static ProposedOperation update(String kind, UUID recordId, long baseVersion, Object payload) {
        return new ProposedOperation(kind, recordId, ChangeAction.UPDATE, baseVersion, payload);
    }

    public static ProposedOperation delete(String kind, UUID recordId, long baseVersion) {
        return new ProposedOperation(kind, recordId, ChangeAction.DELETE, baseVersion, null);
    }
}
