package org.annals.source;

import java.util.List;
import java.util.UUID;
import org.annals.base.LikePattern;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading sources: the library of a project and one source with its text. Any member may read. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class SourceService {

    /** Sorted as people expect names to be: "alpha" before "Bravo". */
    private static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("title", "publisher");

    private final ProjectAccess access;
    private final SourceRepository sources;
    private final TextVersionRepository texts;
    private final TextSegmentRepository segments;
    private final CaptureQueries captures;

    SourceService(ProjectAccess access, SourceRepository sources, TextVersionRepository texts,
            TextSegmentRepository segments, CaptureQueries captures) {
        this.captures = captures;
        this.access = access;
        this.sources = sources;
        this.texts = texts;
        this.segments = segments;
    }

    /** One page of the library, filtered by title or publisher, sorted by one of {@link SourceSummary#SORTABLE}. */
    public List<SourceSummary> library(UUID projectId, String filter, Sort sort, int page, int pageSize) {
        access.require(projectId, ProjectRole.VIEWER);
        Sort safeSort = Sort.by(sort.stream()
                .filter(order -> SourceSummary.SORTABLE.contains(order.getProperty()))
                .map(order -> TEXT_COLUMNS.contains(order.getProperty()) ? order.ignoreCase() : order)
                .toList());
        Sort effective = safeSort.and(Sort.by(Sort.Order.asc("title").ignoreCase())).and(Sort.by("id"));
        return sources.search(projectId, LikePattern.containing(filter.strip()), PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1, 500),
                effective));
    }

    public long count(UUID projectId, String filter) {
        access.require(projectId, ProjectRole.VIEWER);
        return sources.countSearch(projectId, LikePattern.containing(filter.strip()));
    }

    /** The titles of the project's sources among these ids (others are left out): to name where things are. */
    public java.util.Map<UUID, String> titles(UUID projectId, java.util.Collection<UUID> sourceIds) {
        access.require(projectId, ProjectRole.VIEWER);
        var titles = new java.util.HashMap<UUID, String>();
        if (!sourceIds.isEmpty()) {
            sources.findAllById(sourceIds).stream().filter(s -> s.getProjectId().equals(projectId))
                    .forEach(s -> titles.put(s.getId(), s.metadata().title()));
        }
        return titles;
    }

    /**
     * The source's frozen text alone, without its sections, passages and citations: for reading the words of
     * many sources in turn (the unmarked mentions of an entity), where those would only cost time.
     */
    public String text(UUID projectId, UUID sourceId) {
        Source source = readable(projectId, sourceId);
        return texts.findContent(source.getTextVersionId());
    }

    /**
     * The first {@code characters} of a source's text (the whole text when it is shorter), without reading the rest:
     * for showing the beginning of a long source at once.
     */
    public String textBeginning(UUID projectId, UUID sourceId, int characters) {
        Source source = readable(projectId, sourceId);
        return texts.findContentBeginning(source.getTextVersionId(), characters);
    }

    /**
     * The passages of a source without its text: their ranges and, for a PDF, their pages. For giving the page of
     * quotes (the REST API's annotations) without reading megabytes of text.
     */
    public List<SourceText.Passage> passages(UUID projectId, UUID sourceId) {
        Source source = readable(projectId, sourceId);
        return segments.findPassages(source.getTextVersionId(), TextSegment.Kind.PASSAGE);
    }

    public SourceText read(UUID projectId, UUID sourceId) {
        Source source = readable(projectId, sourceId);
        SourceText.Outline outline = outlineOf(source);
        return new SourceText(outline.source(), texts.findContent(source.getTextVersionId()), outline.sections(),
                outline.passages(), outline.citations());
    }

    /**
     * What {@link #read} gives without the text: for the editor's page, whose browser then downloads the text on its
     * own ({@link #text}), so that opening a source of megabytes reads its text once, not once for the page and again
     * for the download.
     */
    public SourceText.Outline outline(UUID projectId, UUID sourceId) {
        return outlineOf(readable(projectId, sourceId));
    }

    /**
     * {@link #outline} and {@link #textBeginning} after one lookup of the source: for the first screen of a source's
     * page, made before the view is rendered.
     */
    public SourceText.Opening opening(UUID projectId, UUID sourceId, int characters) {
        Source source = readable(projectId, sourceId);
        return new SourceText.Opening(outlineOf(source),
                texts.findContentBeginning(source.getTextVersionId(), characters));
    }

    /**
     * Whether the caller may read this source (a member of its project, the source in that project): asked before the
     * source's page is built, to answer it early; the reads that follow check again.
     */
    public boolean isReadable(UUID projectId, UUID sourceId) {
        return access.roleOf(projectId).filter(role -> role.includes(ProjectRole.VIEWER)).isPresent()
                && sources.existsByIdAndProjectId(sourceId, projectId);
    }

    /** The project's source, for someone who may read the project (else denied); not found in another project. */
    private Source readable(UUID projectId, UUID sourceId) {
        access.require(projectId, ProjectRole.VIEWER);
        return sources.findByIdAndProjectId(sourceId, projectId).orElseThrow(() -> new NotFoundException("Source"));
    }

    private SourceText.Outline outlineOf(Source source) {
        UUID versionId = source.getTextVersionId();
        var details = new SourceText.SourceDetails(source.getId(), source.getProjectId(), source.metadata(),
                source.getFormat().displayName(), source.getOriginalFilename(), source.getCharset(),
                source.getTextLength(), texts.findSha256(versionId), source.getCreatedAt(),
                captures.find(source.getProjectId(), source.getId()).orElse(null));
        return new SourceText.Outline(details, segments.findSections(versionId, TextSegment.Kind.SECTION),
                segments.findPassages(versionId, TextSegment.Kind.PASSAGE),
                segments.findCitations(versionId, TextSegment.Kind.CITATION));
    }
}
