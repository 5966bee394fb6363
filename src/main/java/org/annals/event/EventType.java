package org.annals.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** An event type of a project's taxonomy, or a sub-type when it has a parent. */
@Entity
@Table(name = "event_type")
public class EventType extends AbstractEntity {

    public static final int NAME_MAX_LENGTH = 120;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "parent_id", updatable = false)
    private @Nullable UUID parentId;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(nullable = false)
    private int position;

    protected EventType() {
    }

    EventType(UUID projectId, @Nullable UUID parentId, String name, int position) {
        this.projectId = projectId;
        this.parentId = parentId;
        this.name = name;
        this.position = position;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public @Nullable UUID getParentId() {
        return parentId;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    void rename(String newName) {
        this.name = newName;
    }
}
