package org.annals.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.annals.security.LoginThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.annals.security.TokenAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem JSON (RFC 9457) for refusals that happen in the security filters, before any controller:
 * no or a bad credential (401), a token whose scope does not allow the call (403), too many
 * requests (429), and whatever {@link ApiFailureFilter} catches. Errors inside controllers are
 * {@link ApiExceptionHandler}'s.
 */
@Component
class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String BEARER_ONLY = "HTTP Basic credentials are accepted only by POST /api/v1/tokens;"
            + " every other endpoint needs a token: 'Authorization: Bearer <token>'.";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final JsonMapper json;

    ApiProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof LoginThrottledException throttled) {
            tooManyRequests(request, response, throttled.remaining(), failure.getMessage());
            return;
        }
        boolean creatingToken = request.getRequestURI().equals(request.getContextPath() + ApiSecurityConfig.TOKENS_PATH);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, creatingToken ? "Basic realm=\"Annals\"" : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, detail(request, failure, creatingToken), Map.of());
    }

    private static String detail(HttpServletRequest request, AuthenticationException failure, boolean creatingToken) {
        if (!(failure instanceof InsufficientAuthenticationException)) {
            return failure.getMessage(); // Our own messages: bad, expired or revoked token, wrong password.
        }
        if (creatingToken) {
            return "Creating a token needs your user name and password as HTTP Basic credentials.";
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) ? BEARER_ONLY
                : "This endpoint needs a personal access token: 'Authorization: Bearer <token>'.";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        boolean readOnlyToken = SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token
                && !token.mayWrite();
        write(request, response, HttpStatus.FORBIDDEN, readOnlyToken
                ? "This token may only read (scope READ). Use a token with scope WRITE to make changes."
                : "You may not do this.", Map.of());
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String detail)
            throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, detail, Map.of("retryAfterSeconds", seconds));
    }

    /**
     * 413: a request body over the API's limit, refused before it is (all) read. The unread rest is not worth
     * draining: the container closes the connection after answering, so the answer is complete (and closed) here.
     */
    void payloadTooLarge(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        write(request, response, HttpStatus.CONTENT_TOO_LARGE, detail, Map.of());
        response.getOutputStream().close();
    }

    /** An unexpected failure outside the controllers: logged with a reference that the client gets, nothing else. */
    void unexpected(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        String reference = ApiExceptionHandler.newReference();
        log.error("Unexpected error in {} {} (reference {})", request.getMethod(), request.getRequestURI(), reference,
                failure);
        write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, ApiExceptionHandler.unexpectedDetail(reference),
                Map.of("reference", reference));
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            Map<String, Object> extra) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
