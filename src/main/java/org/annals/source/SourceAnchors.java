package org.annals.source;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts other features anchor spans in (annotations). No permission check of its own: callers
 * are services that have checked the project role already. Text versions never change, so the last
 * few are kept in memory; validating a changeset of 500 annotations reads the text once, not 500 times.
 */
@Component
@Transactional(readOnly = true)
public class SourceAnchors {

    /** Enough for several long sources being annotated at once; one 5 MB text weighs about 10 MB. */
    private static final long CACHE_BUDGET_BYTES = 32L * 1024 * 1024;

    private final SourceRepository sources;
    private final TextVersionRepository texts;
    private final TextSegmentRepository segments;
    private final Map<UUID, AnchorText> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedWeight;

    SourceAnchors(SourceRepository sources, TextVersionRepository texts, TextSegmentRepository segments) {
        this.sources = sources;
        this.texts = texts;
        this.segments = segments;
    }

    /** The source's text and passages, when the source exists in this project. */
    public Optional<AnchorText> anchorText(UUID projectId, UUID sourceId) {
        return sources.findByIdAndProjectId(sourceId, projectId).map(this::anchorText);
    }

    /** The title of a source, for diffs and history of records already checked to be in the caller's project. */
    public Optional<String> title(UUID sourceId) {
        return sources.findById(sourceId).map(s -> s.metadata().title());
    }

    /** Titles of the project's sources among these ids. */
    public Map<UUID, String> titles(UUID projectId, Collection<UUID> sourceIds) {
        var titles = new LinkedHashMap<UUID, String>();
        if (!sourceIds.isEmpty()) {
            sources.findAllById(sourceIds).stream().filter(s -> s.getProjectId().equals(projectId))
                    .forEach(s -> titles.put(s.getId(), s.metadata().title()));
        }
        return titles;
    }

    private AnchorText anchorText(Source source) {
        synchronized (cache) {
            AnchorText cached = cache.get(source.getId());
            if (cached != null) {
                return cached;
            }
        }
        UUID versionId = source.getTextVersionId();
        List<SourceText.Passage> passages = segments.findPassages(versionId, TextSegment.Kind.PASSAGE);
        int[] starts = passages.stream().mapToInt(SourceText.Passage::start).toArray();
        int[] ends = passages.stream().mapToInt(SourceText.Passage::end).toArray();
        var anchor = new AnchorText(source.getId(), versionId, source.metadata().title(), source.metadata().url(),
                texts.findContent(versionId), starts, ends);
        synchronized (cache) {
            if (cache.put(source.getId(), anchor) == null) {
                cachedWeight += anchor.weight();
            }
            var eldest = cache.entrySet().iterator();
            while (cachedWeight > CACHE_BUDGET_BYTES && cache.size() > 1 && eldest.hasNext()) {
                cachedWeight -= eldest.next().getValue().weight();
                eldest.remove();
            }
        }
        return anchor;
    }
}
