package org.annals.event;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which sources the vetted evidence of events comes from (annotations linked to them). The annotation
 * feature answers; events only ask, so that the timeline can count every source that supports an event
 * without the event feature knowing annotations.
 */
public interface EvidenceSources {

    /** For each of these events that has vetted evidence, the ids of the sources it is quoted from. */
    Map<UUID, Set<UUID>> sourcesOfEvents(UUID projectId, Collection<UUID> eventIds);

    /**
     * The source a vetted annotation of the project quotes; empty when there is no such annotation (yet: it may
     * be proposed in the same changeset as a claim it backs).
     */
    Optional<UUID> sourceOfQuote(UUID projectId, UUID annotationId);
}
