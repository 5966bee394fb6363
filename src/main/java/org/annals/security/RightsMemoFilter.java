package org.annals.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Gives each HTTP request (a page, a Vaadin message, a download, an API call) its {@link RightsMemo} for
 * as long as it runs on its thread. Outside Spring Security's chain, so that everything done for the
 * request, authentication included, is inside it; the memo takes its person at the first question.
 */
@Configuration(proxyBeanMethods = false)
class RightsMemoFilter {

    @Bean
    FilterRegistrationBean<Filter> rightsMemoPerRequest() {
        Filter filter = (request, response, chain) -> {
            try {
                RightsMemo.within(() -> chain.doFilter(request, response));
            } catch (IOException | ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ServletException(e);
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        // Forwards and error pages are part of the request they come from: they keep its memo (within() nests).
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR,
                DispatcherType.ASYNC);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
