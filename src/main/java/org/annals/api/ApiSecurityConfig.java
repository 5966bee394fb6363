package org.annals.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.annals.security.SecurityHeaders;
import org.annals.security.TokenAuthentication;
import org.annals.token.TokenAuthenticator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains for {@code /api/**}, ahead of the browser's (Vaadin) chain in
 * {@code SecurityConfig}. Both are stateless and ignore session cookies, which is why CSRF
 * protection is off: a forged cross-site request carries no bearer token. Only
 * {@code POST /api/v1/tokens} takes a user name and password (HTTP Basic, through the throttled
 * sign-in); everything else takes a personal access token. GET needs any token, every other
 * method a token with scope WRITE; the services then check project roles as for the UI.
 */
@Configuration
class ApiSecurityConfig {

    static final String TOKENS_PATH = "/api/v1/tokens";

    @Bean
    @Order(1)
    SecurityFilterChain tokenCreation(HttpSecurity http, ApiProblems problems, ApiRequestProperties limits)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TOKENS_PATH))
                .addFilterBefore(new RequestBodyLimitFilter(limits.maxBodySize().toBytes(), problems),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        return stateless(http, problems).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiProblems problems, TokenAuthenticator tokens, ApiRateLimiter limiter,
            ApiRequestProperties limits) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(TokenAuthentication.READ)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(TokenAuthentication.READ)
                        .anyRequest().hasAuthority(TokenAuthentication.WRITE))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new RequestBodyLimitFilter(limits.maxBodySize().toBytes(), problems),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limiter, problems), AnonymousAuthenticationFilter.class);
        return stateless(http, problems).build();
    }

    /**
     * Problem JSON for anything that fails under /api, in or before the security filters
     * ({@link ApiFailureFilter}); registered for /api only and ahead of Spring Security's filters.
     */
    @Bean
    FilterRegistrationBean<ApiFailureFilter> apiFailureFilter(ApiProblems problems) {
        var registration = new FilterRegistrationBean<>(new ApiFailureFilter(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static HttpSecurity stateless(HttpSecurity http, ApiProblems problems) throws Exception {
        SecurityHeaders.forApi(http);
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * Signs the request in as the owner of the bearer token. Not a bean on purpose: Spring Boot
     * would register a bean filter for every URL, not only inside this chain.
     */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final TokenAuthenticator tokens;
        private final ApiProblems problems;
        private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

        BearerTokenFilter(TokenAuthenticator tokens, ApiProblems problems) {
            this.tokens = tokens;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                TokenAuthentication caller;
                try {
                    caller = tokens.authenticate(header.substring(7).strip());
                } catch (AuthenticationException refused) {
                    problems.commence(request, response, refused);
                    return;
                }
                var strategy = SecurityContextHolder.getContextHolderStrategy();
                var context = strategy.createEmptyContext();
                context.setAuthentication(caller);
                strategy.setContext(context);
                // Kept with the request (never a session), so that the dispatch that ends a streamed export sees it too.
                requestContexts.saveContext(context, request, response);
            }
            chain.doFilter(request, response);
        }
    }

    /** Counts every request of a token, allowed or not, against its allowance. */
    static final class RateLimitFilter extends OncePerRequestFilter {

        private final ApiRateLimiter limiter;
        private final ApiProblems problems;

        RateLimitFilter(ApiRateLimiter limiter, ApiProblems problems) {
            this.limiter = limiter;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token) {
                var wait = limiter.acquire(token.tokenId());
                if (wait.isPresent()) {
                    problems.tooManyRequests(request, response, wait.get(),
                            "This token made too many requests. Wait before the next one, or spread requests out.");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
