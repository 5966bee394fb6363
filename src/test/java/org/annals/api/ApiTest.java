package org.annals.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole application on a real HTTP port (H2 in memory), shared by the API tests. The rate limit
 * is lowered so that hitting it takes a moment, and stays above what one test's token needs.
 * {@link Failing} is an endpoint that fails unexpectedly, to see what a client gets then.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties",
        properties = "annals.api.rate-limit.requests-per-minute=" + ApiTest.REQUESTS_PER_MINUTE)
@Import(ApiTest.Failing.class)
@interface ApiTest {

    int REQUESTS_PER_MINUTE = 120;

    /** A bug stand-in: its message holds what must never reach a client. */
    @RestController
    @Hidden
    class Failing {

        static final String SECRET = "jdbc:postgresql://db.internal/annals?password=hunter2";

        @GetMapping("/api/v1/test/failure")
        String fail() {
            throw new IllegalStateException("Could not connect to " + SECRET);
        }
    }
}
