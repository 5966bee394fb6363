package org.annals.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.jobs.JobsBusyException;
import org.annals.review.ConflictException;
import org.annals.review.IllegalTransitionException;
import org.annals.source.DuplicateSourceException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every failure inside an API controller as RFC 9457 problem JSON, whatever the client accepts:
 * the services' own exceptions mapped as they mean them (not found also for "not a member", as in
 * the UI), Spring MVC's (bad JSON, wrong parameter types) through the base class, and anything
 * unexpected as 500 with a reference to the log, never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage() + ".", request);
    }

    @ExceptionHandler({ConflictException.class, IllegalTransitionException.class, DuplicateSourceException.class})
    ResponseEntity<Object> conflict(InvalidInputException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "Someone changed the same records at the same moment; read them again and retry.",
                request);
    }

    /** Every job slot of this node is taken: a temporary condition, so 503 with when to try again. */
    @ExceptionHandler(JobsBusyException.class)
    ResponseEntity<Object> busy(JobsBusyException e, HttpServletRequest request) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    /** A member whose project role is too low: the services' messages say which role is needed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage() == null ? "You may not do this." : e.getMessage(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "Sign in with a personal access token.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        String reference = newReference();
        log.error("Unexpected error in {} {} (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        ResponseEntity<Object> response = problem(HttpStatus.INTERNAL_SERVER_ERROR, unexpectedDetail(reference), request);
        ((ProblemDetail) response.getBody()).setProperty("reference", reference);
        return response;
    }

    /** A short key that finds the logged failure; the client learns nothing else about it. */
    static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String unexpectedDetail(String reference) {
        return "Something went wrong. The problem was logged with reference " + reference + ".";
    }

    /** A path id that is not even a UUID names nothing: "not found", as the UI says for such links. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return problem(HttpStatus.NOT_FOUND, "Nothing is found under '" + mismatch.getValue() + "'.",
                    ((ServletWebRequest) request).getRequest());
        }
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return problem(HttpStatus.BAD_REQUEST, "The parameter '" + name + "' has a value of the wrong kind: '"
                + e.getValue() + "'.", ((ServletWebRequest) request).getRequest());
    }

    /** A body that is not JSON, or JSON of the wrong shape: say where, in the terms of the request. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                // Written and closed here: the rest of the body stays unread, so the container closes the
                // connection after the answer, and an answer still being streamed then would be cut off.
                var servlet = (ServletWebRequest) request;
                try {
                    problems.payloadTooLarge(servlet.getRequest(), servlet.getResponse(), tooLarge.getMessage());
                } catch (java.io.IOException closedByClient) {
                    log.debug("Could not answer a request whose body was too large", closedByClient);
                }
                return null;
            }
            if (cause instanceof InvalidInputException invalid) {
                // A value refused while the body was read (a record's own check, such as a date's year range).
                return problem(HttpStatus.BAD_REQUEST, invalid.getMessage(), ((ServletWebRequest) request).getRequest());
            }
        }
        String detail = "The request body is not JSON this endpoint understands.";
        if (e.getCause() instanceof JacksonException json && json.getOriginalMessage().startsWith("Invalid UTF-8")) {
            detail = "The request body is not valid UTF-8, which JSON must be: send the text in UTF-8.";
        } else if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            detail = "The request body does not fit this endpoint: check the field '" + field + "'.";
        }
        return problem(HttpStatus.BAD_REQUEST, detail, ((ServletWebRequest) request).getRequest());
    }

    /** Spring MVC's own problems (unreadable JSON, missing parameters, …) get the problem content type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    static ResponseEntity<Object> problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
