package org.annals.annotation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One annotation as the editor draws it. {@code key} is unique within a source: the record id for
 * vetted annotations and for proposed new ones, the record id and changeset for a proposed change of
 * a vetted one (which is drawn next to the vetted original until decided).
 */
public record EditorAnnotation(String key, UUID id, int start, int end, String exact, String prefix, String suffix,
        AnnotationType type, @Nullable String linkKind, @Nullable UUID linkId, String linkLabel, State state,
        boolean deletionProposed, @Nullable UUID changesetId) {

    public enum State {
        /** Approved: in the live tables and in exports. */
        VETTED,
        /** Submitted for review, by anyone. */
        PENDING,
        /** The viewer's own draft (or a changeset sent back to them): still editable. */
        DRAFT
    }

    EditorAnnotation withDeletionProposed() {
        return new EditorAnnotation(key, id, start, end, exact, prefix, suffix, type, linkKind, linkId, linkLabel, state,
                true, changesetId);
    }

    EditorAnnotation withLinkLabel(String label) {
        return new EditorAnnotation(key, id, start, end, exact, prefix, suffix, type, linkKind, linkId, label, state,
                deletionProposed, changesetId);
    }
}
