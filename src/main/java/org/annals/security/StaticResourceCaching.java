package org.annals.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * How long the browser keeps the app's scripts, styles and icons (issue 21). Vaadin names its built
 * scripts and styles by their content ({@code VAADIN/build/indexhtml-CBAhnx3z.js}) and versions the others
 * by a hash in the address ({@code ?v-c=…}, {@code ?v=…}): such an address never changes its bytes, so the
 * browser may keep it for a year without asking again ({@code immutable}). Vaadin itself gave the built
 * files an hour. Worse, when the browser did ask again, Vaadin answered "not modified" without caching
 * headers, so Spring Security's default {@code no-cache, no-store} (written before the request is handled,
 * see {@link SecurityHeaders}) went with the answer and replaced the browser's stored headers: from then
 * on every page load asked again for every script and style, one round trip after the other. This filter
 * runs before Spring Security's and decides the caching headers of these addresses for every answer,
 * "not modified" included; everything else (pages, Vaadin's messages, downloads) keeps {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching {

    static final String FOR_A_YEAR = "public, max-age=31536000, immutable";
    static final String FOR_AN_HOUR = "public, max-age=3600";

    @Bean
    FilterRegistrationBean<Filter> staticResourceCachingFilter() {
        Filter filter = (request, response, chain) -> {
            String policy = policy((HttpServletRequest) request);
            if (policy == null) {
                chain.doFilter(request, response);
                return;
            }
            var http = (HttpServletResponse) response;
            http.setHeader("Cache-Control", policy);
            chain.doFilter(request, new FixedCaching(http));
        };
        var registration = new FilterRegistrationBean<>(filter);
        // Outside Spring Security's chain, so that its header writer writes through this filter's wrapper.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The caching of this request's answer, or null to leave it to the rest. */
    static @Nullable String policy(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/VAADIN/build/")
                || path.startsWith("/VAADIN/static/") && request.getParameter("v") != null
                || path.endsWith(".css") && request.getParameter("v-c") != null) {
            return FOR_A_YEAR;
        }
        if (path.startsWith("/icons/")) {
            return FOR_AN_HOUR;
        }
        return null;
    }

    /** A response whose caching headers are already decided: later attempts to set them are ignored. */
    private static final class FixedCaching extends HttpServletResponseWrapper {

        FixedCaching(HttpServletResponse response) {
            super(response);
        }

        private static boolean caching(String name) {
            return "Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name)
                    || "Expires".equalsIgnoreCase(name);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!caching(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!caching(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!caching(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!caching(name)) {
                super.addDateHeader(name, date);
            }
        }
    }
}
