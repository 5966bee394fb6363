package org.annals.security;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security headers of every response, on top of Spring Security's defaults (nosniff,
 * {@code Cache-Control: no-store} unless a response sets its own, {@code X-Frame-Options: DENY}, HSTS
 * over HTTPS). The pages' Content-Security-Policy is what Vaadin Flow needs and nothing more; see
 * docs/decisions/0022-security-headers.md for why each source is there.
 */
public final class SecurityHeaders {

    /**
     * For Vaadin's pages (production and development mode alike). Flow starts its client engine
     * with an inline script and runs the JavaScript the server sends ({@code executeJs}, event data)
     * by building functions from it, hence {@code 'unsafe-inline' 'unsafe-eval'} for scripts; its
     * components set inline styles. Everything else comes from this origin; push uses a WebSocket to
     * this origin, which {@code 'self'} covers.
     */
    public static final String PAGE_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The pages' policy with a configured map tile host allowed for images (and only for images): without one it is
     * exactly {@link #PAGE_POLICY}, so no page may load anything from elsewhere.
     */
    public static String pagePolicy(java.util.Optional<String> tileImageSource) {
        return tileImageSource.map(host -> PAGE_POLICY.replace("img-src 'self' data:", "img-src 'self' data: " + host))
                .orElse(PAGE_POLICY);
    }

    /** For JSON, problem JSON and downloads from the API: nothing in them may load or run anything. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    /** The browser's chain: Vaadin's pages, their resources, the actuator, the error pages. */
    static void forPages(HttpSecurity http, org.annals.map.MapProperties map) throws Exception {
        apply(http, pagePolicy(map.tileImageSource()));
    }

    /** The API's chains. */
    public static void forApi(HttpSecurity http) throws Exception {
        apply(http, API_POLICY);
    }

    private static void apply(HttpSecurity http, String policy) throws Exception {
        // Links out of Annals (a source's URL) must not tell other sites which record someone was reading.
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        // Written before the request is handled, not when the response is committed: Vaadin's
                        // pages are written by a forwarded servlet whose response is finished behind the
                        // filter's back, so written "on commit" they never arrived. A response that sets its own
                        // Cache-Control later (Vaadin's hashed scripts) still replaces the default.
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
    }
}
