package org.annals.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description (served at /v3/api-docs, browsable at /swagger-ui/index.html for
 * signed-in users): bearer tokens by default, and the error responses every endpoint shares added
 * in one place instead of on every method.
 */
@Configuration
class OpenApiConfig {

    static final String TOKEN = "token";
    static final String PASSWORD = "password";
    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI annalsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Annals API").version("v1").description("""
                        Read a project's vetted data, import sources, and propose, submit and decide changesets, \
                        with the same permission checks as the web app. Authenticate with a personal access \
                        token (user menu → API tokens): `Authorization: Bearer annals_…`. Lists are paged with \
                        `page` (from 0) and `size` (1–500, default 50). See docs/api.md."""))
                .components(new Components()
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal access token"))
                        .addSecuritySchemes(PASSWORD, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User name and password; only for POST /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /** The refusals every endpoint may answer with, as problem JSON. */
    @Bean
    OpenApiCustomizer commonProblems() {
        // Added here rather than to the bean above: springdoc replaces the schemas it finds itself.
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, written for people"))
                .addProperty("instance", new StringSchema())
                .addProperty("reference", new StringSchema().description("500 only: where to look in the server log"))
                .addProperty("retryAfterSeconds", new IntegerSchema().description("429 only"));
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problem);
            openApi.getPaths().forEach(OpenApiConfig::addProblems);
        };
    }

    private static void addProblems(String path, PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            boolean reading = method == PathItem.HttpMethod.GET;
            add(operation, "401", "No valid credentials: missing, unknown, expired or revoked token");
            add(operation, "429", "Too many requests; wait as long as the Retry-After header says");
            add(operation, "500", "Unexpected error; 'reference' identifies it in the server log");
            if (path.contains("{")) {
                add(operation, "404", "Not found, or in a project the caller is not a member of (or the token is not for)");
            }
            if (path.contains("{") || !reading) {
                add(operation, "403", "The caller's project role, or the token's scope (READ), does not allow this");
            }
            if (!reading || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                add(operation, "400", "Invalid input; 'detail' says what to fix");
            }
        });
    }

    private static void add(Operation operation, String status, String description) {
        if (!operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }
}
