package org.annals.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.annals.base.TextFolding;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features read of the registry: kinds and names of vetted entities, by id. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class EntityDirectory {

    private final ProjectAccess access;
    private final EntityRecordRepository entities;

    EntityDirectory(ProjectAccess access, EntityRecordRepository entities) {
        this.access = access;
        this.entities = entities;
    }

    public Optional<EntityKind> kindOf(UUID projectId, UUID entityId) {
        access.require(projectId, ProjectRole.VIEWER);
        return entities.findByIdAndProjectId(entityId, projectId).map(EntityRecord::getKind);
    }

    /**
     * The name of an entity for diffs and history, which the engine builds only for records of a
     * project the caller was already checked for; "(proposed entity)" when it does not exist yet.
     */
    public String displayName(UUID entityId) {
        return entities.findById(entityId).map(EntityRecord::getName).orElse("(proposed entity)");
    }

    /**
     * Every vetted entity of the project (merged ones left out) with its name and aliases, and what tells entities of the same name apart: each one's description and the
     * name of what it is part of (a town's district, a brigade's army). Read in one query; what the
     * suggestions' registry matcher is compiled from.
     */
    public List<Described> describedRegistry(UUID projectId) {
        access.require(projectId, ProjectRole.VIEWER);
        List<EntityRecord> records = entities.findRegistry(projectId);
        var namesById = new HashMap<UUID, String>();
        records.forEach(e -> namesById.put(e.getId(), e.getName()));
        var missingParents = new HashSet<UUID>();
        records.stream().map(EntityRecord::getPartOf).filter(java.util.Objects::nonNull)
                .filter(parent -> !namesById.containsKey(parent)).forEach(missingParents::add);
        if (!missingParents.isEmpty()) {
            // A parent merged away since: its name still says where the place is.
            entities.findAllById(missingParents).forEach(e -> namesById.put(e.getId(), e.getName()));
        }
        return records.stream().map(e -> {
            EntityPayload values = e.values();
            return new Described(e.getId(), e.getKind(), e.getName(), values.aliases().stream().map(Alias::name).toList(),
                    values.description(), e.getPartOf() == null ? null : namesById.get(e.getPartOf()));
        }).toList();
    }

    /** An entity by its names, with its description and the name of what it is part of. */
    public record Described(UUID id, EntityKind kind, String name, List<String> aliases, @Nullable String description,
            @Nullable String partOf) {
    }

    public Map<UUID, String> names(UUID projectId, Collection<UUID> ids) {
        access.require(projectId, ProjectRole.VIEWER);
        var names = new HashMap<UUID, String>();
        entities.findAllById(ids).stream().filter(e -> e.getProjectId().equals(projectId))
                .forEach(e -> names.put(e.getId(), e.getName()));
        return names;
    }

    /**
     * The project's vetted entities by folded name and alias ({@link TextFolding}): what a search
     * term or a proposed name may mean. {@code kind} null means every kind. Read in two set-based
     * queries and folded in memory; a registry of 10,000 names folds in a few milliseconds.
     */
    public Map<String, Set<UUID>> byFoldedName(UUID projectId, @Nullable EntityKind kind) {
        access.require(projectId, ProjectRole.VIEWER);
        var index = new HashMap<String, Set<UUID>>();
        for (List<Object[]> rows : List.of(entities.names(projectId), entities.aliasNames(projectId))) {
            for (Object[] row : rows) {
                if (kind == null || kind == row[1]) {
                    String folded = TextFolding.fold((String) row[2]);
                    if (!folded.isEmpty()) {
                        index.computeIfAbsent(folded, k -> new HashSet<>()).add((UUID) row[0]);
                    }
                }
            }
        }
        return index;
    }
}
