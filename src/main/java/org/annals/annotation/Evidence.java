package org.annals.annotation;

import java.util.UUID;

/** A vetted annotation linked to a record, with where it is and what it says around it. */
public record Evidence(UUID annotationId, UUID sourceId, String sourceTitle, AnnotationType type, int start, int end,
        String prefix, String exact, String suffix) {
}
