package org.annals.source;

import java.util.UUID;
import org.annals.review.ReferenceTarget;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sources as things proposed records point to (an annotation's source, the source of a fatality claim):
 * the moderation engine asks here whether a cited source is in the changeset's project, so that one
 * project's data can never cite, and its exports never show, another project's source.
 */
@Component
@Transactional(readOnly = true)
public class SourceReferences implements ReferenceTarget {

    /** The kind in a {@code RecordRef} that points to a source. */
    public static final String KIND = "SOURCE";

    private final SourceRepository sources;

    SourceReferences(SourceRepository sources) {
        this.sources = sources;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String displayName() {
        return "Source";
    }

    @Override
    public boolean existsIn(UUID projectId, UUID id) {
        return sources.existsByIdAndProjectId(id, projectId);
    }
}
