package org.annals.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every request under /api (ahead of Spring Security), so that a client
 * always gets problem JSON, whatever fails and wherever. Without it, an exception thrown outside a
 * controller (in the security filters: a token lookup when the database fails, or the firewall
 * refusing an address) and any {@code sendError} went to the servlet container's error page: a
 * dispatch to /error, which is not under /api, so the browser's security chain answered it with a
 * redirect to the sign-in page (302, HTML). Here an exception becomes a 500 problem with a
 * reference to the log (400 for an address the firewall refuses), and {@code sendError} writes a
 * problem instead of starting that dispatch. Errors inside controllers stay {@link ApiExceptionHandler}'s.
 */
final class ApiFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiFailureFilter.class);

    private final ApiProblems problems;

    ApiFailureFilter(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var problemResponse = new ProblemOnSendError(request, response, problems);
        try {
            chain.doFilter(request, problemResponse);
        } catch (RequestRejectedException rejected) {
            log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
            answer(request, response, rejected, () -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "This address is not accepted: it holds characters or segments that no endpoint uses.", Map.of()));
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            answer(request, response, failure, () -> problems.unexpected(request, response, failure));
        }
    }

    /** Writes the problem, unless part of the answer was sent already: then only the log can tell. */
    private static void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure,
            ProblemWriter writer) throws IOException {
        if (response.isCommitted()) {
            log.error("{} {} failed after its answer had begun", request.getMethod(), request.getRequestURI(), failure);
            return;
        }
        response.reset();
        writer.write();
    }

    @FunctionalInterface
    private interface ProblemWriter {
        void write() throws IOException;
    }

    /** Turns {@code sendError} (Spring MVC's, Spring Security's, the container's) into a problem. */
    private static final class ProblemOnSendError extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final ApiProblems problems;

        ProblemOnSendError(HttpServletRequest request, HttpServletResponse response, ApiProblems problems) {
            super(response);
            this.request = request;
            this.problems = problems;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            // The message is not passed on: it may be the container's or a library's, with internals in it.
            HttpStatus known = HttpStatus.resolve(status);
            resetBuffer();
            problems.write(request, (HttpServletResponse) getResponse(),
                    known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, detail(known), Map.of());
        }

        private static String detail(@Nullable HttpStatus status) {
            if (status == HttpStatus.BAD_REQUEST) {
                // Spring Security's firewall answers so, e.g. for ';' or encoded '/' in the address.
                return "The request is malformed, or its address is not accepted: it holds characters or segments"
                        + " that no endpoint uses.";
            }
            return status == null ? "The request failed." : "The request failed: " + status.getReasonPhrase() + ".";
        }
    }
}
