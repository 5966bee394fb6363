package org.annals.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.annals.base.LikePattern;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.Pending;
import org.annals.review.ProposedOperation;
import org.annals.review.RecordRef;
import org.annals.search.SearchKind;
import org.annals.search.SearchRequest;
import org.annals.search.SearchService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the registry (any member) and proposing changes to it (editors). Proposals are changesets:
 * nothing here writes an entity; approval does.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class EntityService {

    private static final int MAX_REDIRECTS = 20;
    /** The newest proposed entities a picker looks through: open proposals are a working set, not a registry. */
    private static final int PENDING_SCAN = 200;

    private final ProjectAccess access;
    private final EntityRecordRepository entities;
    private final ChangesetService changesets;
    private final EntityDirectory directory;

    private final org.annals.review.WorkingDraftService workingDraft;
    private final SearchService searchEngine;

    EntityService(ProjectAccess access, EntityRecordRepository entities, ChangesetService changesets,
            EntityDirectory directory, org.annals.review.WorkingDraftService workingDraft, SearchService searchEngine) {
        this.searchEngine = searchEngine;
        this.directory = directory;
        this.workingDraft = workingDraft;
        this.access = access;
        this.entities = entities;
        this.changesets = changesets;
    }

    /** Vetted entities whose name or alias contains the text (kind optional), by name. */
    public List<EntitySummary> search(UUID projectId, String text, @Nullable EntityKind kind, int page, int pageSize) {
        access.require(projectId, ProjectRole.VIEWER);
        return entities.search(projectId, LikePattern.containing(text.strip()), kind, PageRequest.of(Math.max(0, page), Math.clamp(pageSize, 1, 500),
                Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"))));
    }

    /** Vetted entities whose name or alias contains the text, most recently changed first: for linking. */
    public List<EntitySummary> recent(UUID projectId, String text, @Nullable EntityKind kind, int limit) {
        access.require(projectId, ProjectRole.VIEWER);
        return entities.search(projectId, LikePattern.containing(text.strip()), kind, PageRequest.of(0, Math.clamp(limit, 1, 100),
                Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("id"))));
    }

    /**
     * Vetted entities for what a picker's user typed: those the search engine finds first, as it ranks them
     * (names and aliases in every script, folded, also as the start of a word), then those of
     * {@link #search} it did not find, by name. While the engine finds nothing (nothing typed, or the index
     * still being rebuilt) this is {@link #search} itself.
     */
    @Transactional(readOnly = true)
    public List<EntitySummary> searchRanked(UUID projectId, String text, @Nullable EntityKind kind, int limit) {
        int size = Math.clamp(limit, 1, 500);
        return ranked(projectId, text, kind, size, search(projectId, text, kind, 0, size));
    }

    /** As {@link #searchRanked}, then the most recently changed: for linking a quote. */
    @Transactional(readOnly = true)
    public List<EntitySummary> recentRanked(UUID projectId, String text, @Nullable EntityKind kind, int limit) {
        int size = Math.clamp(limit, 1, 100);
        return ranked(projectId, text, kind, size, recent(projectId, text, kind, size));
    }

    private List<EntitySummary> ranked(UUID projectId, String text, @Nullable EntityKind kind, int size,
            List<EntitySummary> fallback) {
        List<UUID> found = searchEngine.rankRecords(projectId, text, SearchKind.ENTITY,
                kind == null ? Set.of() : Set.of(kind.name()), Math.min(size, SearchRequest.MAX_PAGE_SIZE)).stream()
                .filter(r -> EntityRecordType.KIND.equals(r.kind())).map(RecordRef::id).toList();
        if (found.isEmpty()) {
            return fallback;
        }
        // The index may lag behind the database: only what is vetted and not merged now is offered.
        Map<UUID, EntitySummary> vetted = new HashMap<>();
        entities.summaries(projectId, found).stream().filter(e -> kind == null || e.kind() == kind)
                .forEach(e -> vetted.put(e.id(), e));
        var result = new ArrayList<EntitySummary>();
        found.stream().map(vetted::get).filter(java.util.Objects::nonNull).forEach(result::add);
        fallback.stream().filter(e -> !vetted.containsKey(e.id())).forEach(result::add);
        return result.subList(0, Math.min(size, result.size()));
    }

    /**
     * Proposed entities the caller may already use (their own drafts, and proposals submitted for
     * review) whose name or alias contains the text (any case), of one kind or any: what pickers offer
     * after the vetted ones. Editors and above.
     */
    public List<Pending<EntitySummary>> pending(UUID projectId, String text, @Nullable EntityKind kind, int limit) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return changesets.pendingRecords(projectId, EntityRecordType.KIND, "", PENDING_SCAN).stream()
                .filter(p -> p.payload() instanceof EntityPayload values && (kind == null || values.kind() == kind)
                        && (values.name().toLowerCase(Locale.ROOT).contains(needle) || values.aliases().stream()
                                .anyMatch(a -> a.name().toLowerCase(Locale.ROOT).contains(needle))))
                .limit(Math.clamp(limit, 1, PENDING_SCAN))
                .map(p -> {
                    EntityPayload values = (EntityPayload) p.payload();
                    return new Pending<>(new EntitySummary(p.recordId(), values.kind(), values.name(),
                            values.wikidataId(), p.updatedAt()), p.draft());
                })
                .toList();
    }

    public long count(UUID projectId, String text, @Nullable EntityKind kind) {
        access.require(projectId, ProjectRole.VIEWER);
        return entities.countSearch(projectId, LikePattern.containing(text.strip()), kind);
    }

    /**
     * Vetted entities of the same kind whose name or an alias is the proposed name or one of its aliases,
     * compared folded ({@link org.annals.base.TextFolding}: case, diacritics, Arabic letter forms): a
     * possible duplicate to warn about before proposing. {@code except} is the entity being edited.
     */
    public List<EntitySummary> possibleDuplicates(UUID projectId, EntityKind kind, String name, List<String> aliases,
            @Nullable UUID except) {
        access.require(projectId, ProjectRole.VIEWER);
        var wanted = new java.util.LinkedHashSet<String>();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream())
                .map(org.annals.base.TextFolding::fold).filter(f -> !f.isEmpty()).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return List.of();
        }
        var byName = directory.byFoldedName(projectId, kind);
        var ids = new java.util.LinkedHashSet<UUID>();
        wanted.forEach(f -> ids.addAll(byName.getOrDefault(f, java.util.Set.of())));
        if (except != null) {
            ids.remove(except);
        }
        return entities.findAllById(ids).stream()
                .map(e -> new EntitySummary(e.getId(), e.getKind(), e.getName(), e.getWikidataId(), e.getUpdatedAt()))
                .sorted(java.util.Comparator.comparing(EntitySummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The entity, following redirects left by merges, so an old id still resolves. */
    public EntityDetails get(UUID projectId, UUID entityId) {
        access.require(projectId, ProjectRole.VIEWER);
        EntityRecord record = entities.findByIdAndProjectId(entityId, projectId)
                .orElseThrow(() -> new NotFoundException("Entity"));
        UUID redirectedFrom = null;
        for (int hops = 0; record.getMergedInto() != null && hops < MAX_REDIRECTS; hops++) {
            redirectedFrom = entityId;
            record = entities.findByIdAndProjectId(record.getMergedInto(), projectId)
                    .orElseThrow(() -> new NotFoundException("Entity"));
        }
        EntitySummary parent = Optional.ofNullable(record.getPartOf()).flatMap(entities::findById).map(EntityService::summary)
                .orElse(null);
        List<EntitySummary> parts = entities.findByPartOf(record.getId()).stream()
                .filter(e -> e.getMergedInto() == null).map(EntityService::summary).toList();
        return new EntityDetails(record.getId(), record.getVersion(), record.values(), parent, parts, redirectedFrom,
                record.getUpdatedAt());
    }

    /** Proposes a new entity; returns the new entity's id (it exists once approved). */
    @Transactional
    public Proposal proposeCreate(UUID projectId, EntityPayload values, String message, boolean submit) {
        UUID id = org.annals.base.Uuids.timeOrdered();
        UUID changeset = changesets.propose(projectId, message,
                List.of(ProposedOperation.create(EntityRecordType.KIND, id, values)), submit);
        return new Proposal(changeset, id);
    }

    /** Proposes new values for an entity, based on the version the editor saw. */
    @Transactional
    public Proposal proposeUpdate(UUID projectId, UUID entityId, long baseVersion, EntityPayload values, String message,
            boolean submit) {
        UUID changeset = changesets.propose(projectId, message,
                List.of(ProposedOperation.update(EntityRecordType.KIND, entityId, baseVersion, values)), submit);
        return new Proposal(changeset, entityId);
    }

    /**
     * Adds a new entity to the caller's working draft for the project (started with {@code messageIfNew}
     * when there is none), to be submitted with everything else in it.
     */
    @Transactional
    public Proposal addCreateToDraft(UUID projectId, EntityPayload values, String messageIfNew) {
        UUID id = org.annals.base.Uuids.timeOrdered();
        return new Proposal(workingDraft.add(projectId, messageIfNew,
                List.of(ProposedOperation.create(EntityRecordType.KIND, id, values))), id);
    }

    /** Adds new values for an entity, based on the version the editor saw, to the caller's working draft. */
    @Transactional
    public Proposal addUpdateToDraft(UUID projectId, UUID entityId, long baseVersion, EntityPayload values,
            String messageIfNew) {
        return new Proposal(workingDraft.add(projectId, messageIfNew,
                List.of(ProposedOperation.update(EntityRecordType.KIND, entityId, baseVersion, values))), entityId);
    }

    @Transactional
    public Proposal proposeDelete(UUID projectId, UUID entityId, long baseVersion, String message, boolean submit) {
        UUID changeset = changesets.propose(projectId, message,
                List.of(ProposedOperation.delete(EntityRecordType.KIND, entityId, baseVersion)), submit);
        return new Proposal(changeset, entityId);
    }

    /** Proposes that {@code duplicate} is the same as {@code survivor}: once approved it redirects there. */
    @Transactional
    public Proposal proposeMerge(UUID projectId, UUID duplicate, UUID survivor, String message, boolean submit) {
        EntityDetails current = get(projectId, duplicate);
        if (current.redirectedFrom() != null) {
            throw new org.annals.base.InvalidInputException("This entity was already merged.");
        }
        UUID changeset = changesets.propose(projectId, message, List.of(ProposedOperation.update(
                EntityRecordType.KIND, duplicate, current.version(), current.values().mergedInto(survivor))), submit);
        return new Proposal(changeset, duplicate);
    }

    /** A submitted (or draft) changeset and the entity it is about. */
    public record Proposal(UUID changesetId, UUID entityId) {
    }

    private static EntitySummary summary(EntityRecord e) {
        return new EntitySummary(e.getId(), e.getKind(), e.getName(), e.getWikidataId(), e.getUpdatedAt());
    }
}
