package org.annals.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A sign-in form posted without its valid CSRF token: a page left open until its session ended, or a
 * form on another site. Either way nobody is signed in; the person is sent back to a fresh sign-in
 * form that says why ({@code /login?expired}) rather than to a bare 403. Other refusals go on to
 * {@code otherwise}.
 */
final class SignInFormExpired implements AccessDeniedHandler {

    static final String LOGIN_PATH = "/login";
    private static final Logger log = LoggerFactory.getLogger(SignInFormExpired.class);

    private final AccessDeniedHandler otherwise;

    SignInFormExpired(AccessDeniedHandler otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + LOGIN_PATH)) {
            log.info("Sign-in form without a valid CSRF token refused: {}", denied.getMessage());
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?expired");
            return;
        }
        otherwise.handle(request, response, denied);
    }
}
