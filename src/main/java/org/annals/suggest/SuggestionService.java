package org.annals.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.EditorAnnotation;
import org.annals.entity.EntityDirectory;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions for editors: what the recognisers find in a source, minus what is annotated or was rejected;
 * accepting one puts an annotation (with its link, and for dates and figures its value) into the person's working
 * draft, reviewed like any other change.
 * <p>
 * SKELETON (lead): {@link #forSource} runs every recogniser over the whole text against the vetted registry and
 * leaves out annotated spans. The service helper adds: the compiled registry cached per project and registry
 * version (pending entities for editors), rejections (per person and span, per project and alias), accept,
 * accept all of one entity, unmarked mentions across sources.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SuggestionService {

    private final ProjectAccess access;
    private final SourceService sources;
    private final AnnotationService annotations;
    private final EntityDirectory entities;
    private final List<Recogniser> recognisers;

    SuggestionService(ProjectAccess access, SourceService sources, AnnotationService annotations,
            EntityDirectory entities, List<Recogniser> recognisers) {
        this.access = access;
        this.sources = sources;
        this.annotations = annotations;
        this.entities = entities;
        this.recognisers = List.copyOf(recognisers);
    }

    /** The source's suggestions for the calling editor, in text order. */
    public SourceSuggestions forSource(UUID projectId, UUID sourceId) {
        access.require(projectId, ProjectRole.EDITOR);
        SourceText source = sources.read(projectId, sourceId);
        var registry = RegistryMatcher.of(entities.registry(projectId).stream()
                .map(e -> new RegistryEntry(e.id(), e.kind(), e.name(), e.aliases(), e.description(), e.partOf(), true))
                .toList());
        var reading = new Reading(source.text(), source.source().metadata().publishedOn(),
                source.source().metadata().language(), registry);
        List<EditorAnnotation> marked = annotations.editor(projectId, sourceId).annotations();
        var found = new ArrayList<Suggestion>();
        for (Recogniser recogniser : recognisers) {
            for (Suggestion suggestion : recogniser.recognise(reading)) {
                if (marked.stream().noneMatch(a -> a.start() < suggestion.end() && suggestion.start() < a.end())) {
                    found.add(suggestion);
                }
            }
        }
        found.sort(Comparator.comparingInt(Suggestion::start).thenComparing(Suggestion::rank, Comparator.reverseOrder()));
        return new SourceSuggestions(sourceId, found);
    }

    /**
     * Accepts the suggestion {@code key} of the source (as {@link #forSource} gives it now): an annotation of its
     * kind's type goes into the caller's working draft, linked to {@code recordId}: for a registry name the
     * candidate chosen (required when there are several), for a date or figure an event to take the value as its
     * claim (or null: the annotation alone, its value read again from the words when it is linked later), for a
     * new name nothing (a new entity of the proposed kind is proposed with it).
     */
    public AnnotationService.Marked accept(UUID projectId, UUID sourceId, String key, @Nullable UUID recordId) {
        throw new UnsupportedOperationException("not yet: the service helper builds it");
    }

    /** Accepts every registry-name suggestion of the source that means this entity alone, in one step. */
    public List<AnnotationService.Marked> acceptAll(UUID projectId, UUID sourceId, UUID entityId) {
        throw new UnsupportedOperationException("not yet: the service helper builds it");
    }

    /**
     * Rejects the suggestion {@code key} for the caller in this source; with {@code neverHere}, a registry name's
     * alias is never suggested again in the project (for everyone).
     */
    public void reject(UUID projectId, UUID sourceId, String key, boolean neverHere) {
        throw new UnsupportedOperationException("not yet: the service helper builds it");
    }

    /** Passages of the project's sources that name the entity without an annotation there, at most {@code limit}. */
    public List<UnmarkedMention> unmarkedMentions(UUID projectId, UUID entityId, int limit) {
        throw new UnsupportedOperationException("not yet: the service helper builds it");
    }

    /** Marks the chosen unmarked mentions as mentions of the entity, in the caller's working draft. */
    public List<AnnotationService.Marked> proposeMentions(UUID projectId, UUID entityId, List<UnmarkedMention> chosen) {
        throw new UnsupportedOperationException("not yet: the service helper builds it");
    }
}
