package org.annals.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.repository.config.BootstrapMode;

/**
 * Spring Data repositories of every feature, tuned for start-up on small machines (see
 * docs/performance.md): each repository is set up on first use rather than all at start, and
 * declared JPQL queries are not parsed a second time by Spring Data (Hibernate parses and checks
 * them anyway; Spring Data's own parse only serves to rewrite queries for sorting or counting,
 * which our declared queries never need).
 * <p>Public, like the selector, because the production jar's build-time bean definitions (Spring AOT,
 * decision 42) name the selector from each repository's package.
 */
@Configuration
@EnableJpaRepositories(basePackages = "org.annals", bootstrapMode = BootstrapMode.LAZY,
        queryEnhancerSelector = PersistenceConfig.PlainQueryEnhancerSelector.class)
public class PersistenceConfig {

    /** Static: a bean factory post-processor must exist before the configuration class (decision 15). */
    @Bean
    static H2CrashRecovery h2CrashRecovery() {
        return new H2CrashRecovery();
    }

    public static final class PlainQueryEnhancerSelector implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
