package org.annals.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Deny by default: every URL needs a signed-in user except the sign-in page, Vaadin's own static
 * resources and the health probe; an unknown address gets the "not found" page for a signed-in person
 * and the sign-in page for anyone else. The sign-in form needs a CSRF token like every other form, and
 * state-changing requests from other sites are refused ({@link SameOriginFilter}); every response
 * carries the {@link SecurityHeaders}. Views add their own {@code @RolesAllowed}/{@code @PermitAll}, and
 * services check again with {@code @PreAuthorize} and project roles. The REST API under /api has its
 * own stateless chains, ordered before this one ({@code org.annals.api.ApiSecurityConfig}).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            org.annals.map.MapProperties map) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                .requestMatchers("/styles.css", "/icons/**").permitAll()
                // The sign-in page with whatever it is asked to explain (?error, ?expired, ?ended=...): Spring
                // Security's own rule permits only the exact addresses it sends people to.
                .requestMatchers(org.springframework.http.HttpMethod.GET, SignInFormExpired.LOGIN_PATH).permitAll()
                // The REST API's description, for signed-in people in the browser (Vaadin denies unknown paths).
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated());
        // The sign-in page is a plain page of its own (org.annals.security.ui.SignInPage, decision 43), not a view.
        // Vaadin exempts the sign-in form from CSRF protection; Annals does not (a forged sign-in would put the
        // victim's browser into the forger's account). Vaadin's own requests carry Vaadin's own token instead.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(SignInFormExpired.LOGIN_PATH, SignInFormExpired.LOGIN_PATH)
                .enableCsrfConfiguration(false)
                .anyRequest(anyOther -> anyOther.access(unknownPageForSignedInUser())));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <F extends CsrfFilter> F postProcess(F filter) {
                        filter.setAccessDeniedHandler(new SignInFormExpired(new AccessDeniedHandlerImpl()));
                        return filter;
                    }
                }));
        http.addFilterBefore(new SameOriginFilter(), CsrfFilter.class);
        SecurityHeaders.forPages(http, map);
        return http.build();
    }

    /**
     * What is left after every rule above (and Vaadin's own for its routes and resources): addresses
     * that are no page. Vaadin denies them all, so a signed-in person who mistypes an address got the
     * browser's bare "HTTP ERROR 403". A signed-in person's page request (a GET for HTML) goes on to
     * Vaadin's router instead, which shows the app's own "not found" page inside the shell; Vaadin's
     * router knows only the routes, each checked by its own access annotations. Everything else stays
     * denied, and a person who is not signed in is sent to sign in, whether the address exists or not,
     * so an address reveals nothing.
     */
    static AuthorizationManager<RequestAuthorizationContext> unknownPageForSignedInUser() {
        AuthorizationManager<RequestAuthorizationContext> pageRequest = (authentication, context) ->
                new AuthorizationDecision(isPageRequest(context.getRequest()));
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), pageRequest);
    }

    static boolean isPageRequest(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && accept != null && accept.contains("text/html")
                && !path.startsWith("/api/") && !path.startsWith("/actuator");
    }

    /**
     * Every {@code @PreAuthorize} first compares the caller's session with the account as it is now
     * (decision 0019). Static, as Spring asks of method-security infrastructure; the check itself is
     * looked up when first used.
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler(ObjectProvider<SessionStanding> standing) {
        return new FreshRightsExpressionHandler(standing);
    }

    /**
     * No Micrometer observation around Spring Security's filters, sign-ins and method authorizations. With the
     * actuator's observation registry present, Spring Security wraps each of them in an observation by default;
     * Annals publishes neither metrics nor traces of them (only health and info are exposed), and on the editor's
     * server path the authorization wrappers alone took about an eighth of building the page (issue 21,
     * docs/performance.md, "the in-app open, round 4").
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Argon2id for new hashes; bcrypt hashes are still accepted, and any hash in an older format is
     * rehashed with Argon2id at the next successful sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2";
        var encoders = Map.<String, PasswordEncoder>of(
                current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(current, encoders);
    }

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, UserDetailsPasswordService upgrades,
            PasswordEncoder encoder, LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, upgrades, encoder, throttle);
    }
}
