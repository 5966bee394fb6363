package org.annals.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A test against the whole application on the embedded H2 database (in memory, one per test
 * context). Test properties override config/application.yaml, which Spring Boot also reads here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest
@TestPropertySource(locations = "classpath:annals-test.properties")
public @interface IntegrationTest {
}
