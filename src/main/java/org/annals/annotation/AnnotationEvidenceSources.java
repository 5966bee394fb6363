package org.annals.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.annals.event.EventRecordType;
import org.annals.event.EvidenceSources;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sources of events' vetted evidence, for the timeline's source counts and the check of a claim's quote. */
@Component
@Transactional(readOnly = true)
class AnnotationEvidenceSources implements EvidenceSources {

    /** A timeline page has at most a few hundred events; the overview asks for thousands: in slices. */
    private static final int SLICE = 1000;

    private final AnnotationRepository annotations;

    AnnotationEvidenceSources(AnnotationRepository annotations) {
        this.annotations = annotations;
    }

    @Override
    public Map<UUID, Set<UUID>> sourcesOfEvents(UUID projectId, Collection<UUID> eventIds) {
        var result = new HashMap<UUID, Set<UUID>>();
        List<UUID> ids = new ArrayList<>(new HashSet<>(eventIds));
        for (int from = 0; from < ids.size(); from += SLICE) {
            for (Object[] row : annotations.findSourcesOfLinked(projectId, EventRecordType.KIND,
                    ids.subList(from, Math.min(ids.size(), from + SLICE)))) {
                result.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((UUID) row[1]);
            }
        }
        return result;
    }

    @Override
    public Optional<UUID> sourceOfQuote(UUID projectId, UUID annotationId) {
        return annotations.findByIdAndProjectId(annotationId, projectId).map(Annotation::getSourceId);
    }
}
