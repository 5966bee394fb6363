package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.Evidence;
import org.annals.entity.EntityDetails;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityRecordType;
import org.annals.entity.EntityService;
import org.annals.entity.EntitySummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}/entities", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Entities", description = "The vetted registry of people, groups, places and units")
class EntityController {

    private final EntityService entities;
    private final AnnotationService annotations;

    EntityController(EntityService entities, AnnotationService annotations) {
        this.entities = entities;
        this.annotations = annotations;
    }

    @GetMapping
    @Operation(summary = "Vetted entities, by name", description = "Needs any role in the project.")
    ApiPage<EntitySummary> search(@PathVariable UUID projectId,
            @Parameter(description = "Only names or aliases containing this text") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "Only this kind") @RequestParam(required = false) @Nullable EntityKind kind,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return new ApiPage<>(entities.search(projectId, q, kind, page, size), page, size,
                entities.count(projectId, q, kind));
    }

    @GetMapping("/{entityId}")
    @Operation(summary = "One vetted entity with its current version",
            description = "The id of a duplicate merged into another entity answers with the surviving entity"
                    + " ('redirectedFrom' says so). Needs any role in the project.")
    EntityDetails get(@PathVariable UUID projectId, @PathVariable UUID entityId) {
        return entities.get(projectId, entityId);
    }

    @GetMapping("/{entityId}/evidence")
    @Operation(summary = "The vetted annotations linked to an entity, across all sources",
            description = "Needs any role in the project.")
    ApiPage<Evidence> evidence(@PathVariable UUID projectId, @PathVariable UUID entityId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        UUID id = entities.get(projectId, entityId).id();
        return ApiPage.slice(annotations.evidence(projectId, EntityRecordType.KIND, id), page, size);
    }
}
