package org.annals.annotation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the editor shows over one source: vetted annotations, and for editors the open proposals on
 * top; the viewer's working draft for the project (where new annotations go) if there is one, with
 * how many of its annotations are in this source ({@code draftSize}) and how many items it holds in
 * all, across sources and record kinds ({@code draftItems}).
 */
public record EditorContent(UUID sourceId, List<EditorAnnotation> annotations, boolean canEdit,
        @Nullable UUID draftId, int draftSize, long draftItems) {
}
