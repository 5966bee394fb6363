package org.annals.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
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
     * Every vetted entity of the project (merged ones left out) with its name and aliases: what a
     * passage's names are matched against.
     */
    public java.util.List<Named> registry(UUID projectId) {
        access.require(projectId, ProjectRole.VIEWER);
        return entities.findRegistry(projectId).stream()
                .map(e -> new Named(e.getId(), e.getKind(), e.getName(),
                        e.values().aliases().stream().map(Alias::name).toList()))
                .toList();
    }

    /** An entity by the names it goes by. */
    public record Named(UUID id, EntityKind kind, String name, java.util.List<String> aliases) {
    }

    public Map<UUID, String> names(UUID projectId, Collection<UUID> ids) {
        access.require(projectId, ProjectRole.VIEWER);
        var names = new HashMap<UUID, String>();
        entities.findAllById(ids).stream().filter(e -> e.getProjectId().equals(projectId))
                .forEach(e -> names.put(e.getId(), e.getName()));
        return names;
    }
}
