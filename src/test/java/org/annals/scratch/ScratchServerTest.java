package org.annals.scratch;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(locations = "classpath:annals-test.properties", properties = {"server.port=18777",
        "logging.level.org.springframework.security.web.FilterChainProxy=debug", "annals.sample-project.enabled=true"})
class ScratchServerTest {
    @Test
    void serve() throws Exception {
        System.out.println("SCRATCH READY");
        Thread.sleep(Long.getLong("scratch.minutes", 20) * 60_000);
    }
}
