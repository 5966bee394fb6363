package org.annals.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the whole application on a real PostgreSQL server that the test suite starts
 * itself (no Docker): the {@code postgres} profile, with a fresh database per test context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest
@ActiveProfiles("postgres")
@TestPropertySource(locations = "classpath:annals-test.properties")
@ContextConfiguration(initializers = EmbeddedPostgres.Initializer.class)
public @interface PostgresIntegrationTest {
}
