package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projects")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "The caller's projects, by name, with the caller's role in each",
            description = "All projects for an administrator; only its own project for a project-bound token.")
    ApiPage<ProjectSummary> mine(
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        return ApiPage.slice(projects.myProjects(), page, size);
    }

    @GetMapping("/{projectId}")
    @Operation(summary = "One project", description = "Needs any role in the project.")
    ProjectSummary get(@PathVariable UUID projectId) {
        return projects.get(projectId);
    }
}
