package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.annals.token.CreatedToken;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Creating a token with a user name and password, for scripts that cannot open the web app. */
@RestController
@Tag(name = "Tokens", description = "Personal access tokens")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    @Schema(description = "A token to create")
    record NewToken(
            @Schema(description = "Where the token is used, e.g. \"nightly export\"", example = "nightly export")
            String name,
            @Schema(description = "Bind the token to this project: it then works only there") @Nullable UUID projectId,
            @Schema(description = "READ: only GET endpoints; WRITE: also importing, proposing and deciding")
            @Nullable TokenScope scope,
            @Schema(description = "Last day the token works (UTC), at most a year ahead", example = "2027-06-30")
            @Nullable LocalDate expiresOn) {
    }

    @Schema(description = "A new token. The secret is shown only in this response: store it now.")
    record IssuedToken(UUID id, String name, @Nullable UUID projectId, TokenScope scope, Instant expiresAt,
            @Schema(description = "Send as 'Authorization: Bearer <secret>'") String secret) {

        static IssuedToken of(CreatedToken created) {
            var token = created.token();
            return new IssuedToken(token.id(), token.name(), token.projectId(), token.scope(), token.expiresAt(),
                    created.secret());
        }
    }

    @PostMapping(path = ApiSecurityConfig.TOKENS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a personal access token",
            description = "Authenticates with user name and password (HTTP Basic), the only endpoint that does;"
                    + " failed attempts count towards the sign-in throttle (answered with 429 while paused)."
                    + " A token cannot create tokens.",
            security = @SecurityRequirement(name = OpenApiConfig.PASSWORD))
    @ApiResponse(responseCode = "201", description = "Created; the response holds the secret, shown only once")
    ResponseEntity<IssuedToken> create(@RequestBody NewToken request) {
        CreatedToken created = tokens.create(Objects.requireNonNullElse(request.name(), ""), request.projectId(),
                Objects.requireNonNullElse(request.scope(), TokenScope.READ), request.expiresOn());
        return ResponseEntity.status(HttpStatus.CREATED).body(IssuedToken.of(created));
    }
}
