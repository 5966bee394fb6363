package org.annals.annotation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The proposed values of an annotation: a span {@code [start, end)} of the source's text in UTF-16
 * code units, the exact quote with up to {@value AnnotationRecordType#CONTEXT_LENGTH} characters of
 * context on each side, its type, and the record it links to ({@code linkKind} EVENT or ENTITY).
 */
public record AnnotationPayload(UUID sourceId, int start, int end, String exact, String prefix, String suffix,
        AnnotationType type, @Nullable String linkKind, @Nullable UUID linkId) {

    public AnnotationPayload withSpan(int newStart, int newEnd, String newExact, String newPrefix, String newSuffix) {
        return new AnnotationPayload(sourceId, newStart, newEnd, newExact, newPrefix, newSuffix, type, linkKind, linkId);
    }

    public AnnotationPayload withLink(AnnotationType newType, @Nullable String newLinkKind, @Nullable UUID newLinkId) {
        return new AnnotationPayload(sourceId, start, end, exact, prefix, suffix, newType, newLinkKind, newLinkId);
    }
}
