package org.annals.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectCreated;
import org.annals.project.ProjectRole;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's event types and sub-types. New projects start with ACLED's; managers add, rename and
 * remove types. A type that events use cannot be removed, so no event is ever left without one.
 */
@Service
@Transactional
public class TaxonomyService {

    /** ACLED's event types and their sub-types, in ACLED's order. */
    static final Map<String, List<String>> ACLED = acled();

    private final ProjectAccess access;
    private final EventTypeRepository types;
    private final EventRecordRepository events;

    TaxonomyService(ProjectAccess access, EventTypeRepository types, EventRecordRepository events) {
        this.access = access;
        this.types = types;
        this.events = events;
    }

    /** One type with its sub-types. */
    public record TypeNode(UUID id, String name, List<SubType> subTypes) {
    }

    public record SubType(UUID id, String name) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TypeNode> taxonomy(UUID projectId) {
        access.require(projectId, ProjectRole.VIEWER);
        List<EventType> all = types.findByProjectIdOrderByPosition(projectId);
        var result = new ArrayList<TypeNode>();
        for (EventType type : all) {
            if (type.getParentId() == null) {
                result.add(new TypeNode(type.getId(), type.getName(), all.stream()
                        .filter(t -> type.getId().equals(t.getParentId()))
                        .map(t -> new SubType(t.getId(), t.getName())).toList()));
            }
        }
        return result;
    }

    @PreAuthorize("isAuthenticated()")
    public UUID addType(UUID projectId, @Nullable UUID parentId, String name) {
        access.require(projectId, ProjectRole.MANAGER);
        if (parentId != null) {
            EventType parent = types.findByIdAndProjectId(parentId, projectId)
                    .orElseThrow(() -> new NotFoundException("Event type"));
            if (parent.getParentId() != null) {
                throw new InvalidInputException("Sub-types cannot have sub-types of their own.");
            }
        }
        int position = types.findByProjectIdOrderByPosition(projectId).size();
        return types.save(new EventType(projectId, parentId, validName(name), position)).getId();
    }

    @PreAuthorize("isAuthenticated()")
    public void rename(UUID projectId, UUID typeId, String name) {
        access.require(projectId, ProjectRole.MANAGER);
        types.findByIdAndProjectId(typeId, projectId).orElseThrow(() -> new NotFoundException("Event type"))
                .rename(validName(name));
    }

    /** Removes a type that no event and no sub-type uses; otherwise refuses and says why. */
    @PreAuthorize("isAuthenticated()")
    public void remove(UUID projectId, UUID typeId) {
        access.require(projectId, ProjectRole.MANAGER);
        EventType type = types.findByIdAndProjectId(typeId, projectId).orElseThrow(() -> new NotFoundException("Event type"));
        long used = events.countUsingType(typeId);
        if (used > 0) {
            throw new InvalidInputException("\"" + type.getName() + "\" is used by " + used
                    + " events. Change their type first (through review), then remove it.");
        }
        if (types.countByParentId(typeId) > 0) {
            throw new InvalidInputException("\"" + type.getName() + "\" has sub-types. Remove them first.");
        }
        types.delete(type);
    }

    /** Every new project starts with ACLED's taxonomy. */
    @EventListener
    void projectCreated(ProjectCreated created) {
        int position = 0;
        for (var entry : ACLED.entrySet()) {
            EventType type = types.save(new EventType(created.projectId(), null, entry.getKey(), position++));
            for (String sub : entry.getValue()) {
                types.save(new EventType(created.projectId(), type.getId(), sub, position++));
            }
        }
    }

    private static String validName(String name) {
        String clean = name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("Give the type a name.");
        }
        if (clean.length() > EventType.NAME_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + EventType.NAME_MAX_LENGTH + " characters.");
        }
        return clean;
    }

    private static Map<String, List<String>> acled() {
        var map = new LinkedHashMap<String, List<String>>();
        map.put("Battles", List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
        map.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb",
                "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"));
        map.put("Violence against civilians", List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
        map.put("Protests", List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
        map.put("Riots", List.of("Violent demonstration", "Mob violence"));
        map.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity",
                "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"));
        return java.util.Collections.unmodifiableMap(map);
    }
}
