package org.annals.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.annals.base.AbstractEntity;
import org.jspecify.annotations.Nullable;

/** A vetted entity. Only the moderation engine writes it (through {@link EntityRecordType}). */
@Entity
@Table(name = "entity_record")
public class EntityRecord extends AbstractEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EntityKind kind;

    @Column(nullable = false, length = 300)
    private String name;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "entity_alias", joinColumns = @JoinColumn(name = "entity_id"))
    @OrderColumn(name = "ordinal")
    private List<Alias> aliases = new ArrayList<>();

    @Column(length = 4000)
    private @Nullable String description;

    @Column(name = "wikidata_id", length = 20)
    private @Nullable String wikidataId;

    private @Nullable Double latitude;

    private @Nullable Double longitude;

    @Enumerated(EnumType.STRING)
    @Column(name = "geo_precision", length = 12)
    private @Nullable GeoPrecision precision;

    @Column(name = "part_of_id")
    private @Nullable UUID partOf;

    @Column(name = "merged_into_id")
    private @Nullable UUID mergedInto;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EntityRecord() {
    }

    EntityRecord(UUID id, UUID projectId, EntityPayload values, Instant now) {
        assignId(id);
        this.projectId = projectId;
        this.createdAt = now;
        set(values, now);
    }

    void set(EntityPayload values, Instant now) {
        this.kind = values.kind();
        this.name = values.name();
        this.aliases.clear();
        this.aliases.addAll(values.aliases());
        this.description = values.description();
        this.wikidataId = values.wikidataId();
        this.latitude = values.latitude();
        this.longitude = values.longitude();
        this.precision = values.precision();
        this.partOf = values.partOf();
        this.mergedInto = values.mergedInto();
        this.updatedAt = now;
    }

    void movePartOf(UUID newParent, Instant now) {
        this.partOf = newParent;
        this.updatedAt = now;
    }

    EntityPayload values() {
        return new EntityPayload(kind, name, List.copyOf(aliases), description, wikidataId, latitude, longitude, precision, partOf,
                mergedInto);
    }

    public UUID getProjectId() {
        return projectId;
    }

    public EntityKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public @Nullable UUID getMergedInto() {
        return mergedInto;
    }

    public @Nullable UUID getPartOf() {
        return partOf;
    }

    public @Nullable String getWikidataId() {
        return wikidataId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
