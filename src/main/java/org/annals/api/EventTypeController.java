package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.annals.event.TaxonomyService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project's taxonomy, so that a script can fill an event's {@code typeId} and {@code subTypeId}. */
@RestController
@Tag(name = "Events")
class EventTypeController {

    private final TaxonomyService taxonomy;

    EventTypeController(TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
    }

    @GetMapping(path = "/api/v1/projects/{projectId}/event-types", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The project's event types, each with its sub-types, in the taxonomy's order",
            description = "An event's 'typeId' is one of these types and its 'subTypeId' (optional) one of that type's"
                    + " sub-types. Needs any role in the project.")
    ApiPage<TaxonomyService.TypeNode> list(@PathVariable UUID projectId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Types per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        return ApiPage.slice(taxonomy.taxonomy(projectId), page, size);
    }
}
