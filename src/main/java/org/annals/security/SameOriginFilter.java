package org.annals.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (sign-in included) that a browser says comes from another site:
 * {@code Sec-Fetch-Site} other than same-origin or none, or, from a browser too old to send that, an
 * {@code Origin} that is not this server. A second wall behind the CSRF token: a forged form on
 * another site fails here even before its missing token is noticed. Requests without either header
 * (scripts, curl) are left to the CSRF token. Not a bean: Spring Boot would register a bean filter
 * for every URL, the API's included, whose requests carry no cookies to abuse.
 */
final class SameOriginFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || fromThisSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused {} {} from another site (Sec-Fetch-Site {}, Origin {})", request.getMethod(),
                request.getRequestURI(), request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write("This request came from another site and was refused. Open Annals itself and try again.\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean fromThisSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin == null || sameOrigin(origin, request);
    }

    /** The Origin header against this request's own scheme, host and port (as forwarded headers set them). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null": a sandboxed frame, a file, a redirect across sites.
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port(scheme, uri.getPort()) == port(scheme, request.getServerPort());
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    private static int port(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }
}
