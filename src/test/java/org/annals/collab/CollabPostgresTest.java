package org.annals.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on PostgreSQL with {@code annals.collab.bus=postgres}; events are watched from a
 * second bus node on the same database, so everything the contract checks crosses LISTEN/NOTIFY.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "annals.collab.bus=postgres")
class CollabPostgresTest extends CollabContract {

    @Value("${spring.datasource.url}")
    String url;
    private PostgresCollabBus otherNode;

    @BeforeEach
    void otherNode() throws InterruptedException {
        PostgresCollabBus.Connector connector = () -> DriverManager.getConnection(url, "postgres", "");
        otherNode = new PostgresCollabBus(connector, connector, 1);
        otherNode.start();
        assertThat(otherNode.awaitListening(Duration.ofSeconds(20))).isTrue();
    }

    @AfterEach
    void stopOtherNode() {
        otherNode.close();
    }

    @Override
    CollabBus observer() {
        return otherNode;
    }

    @Test
    void the_configured_bus_is_postgres() {
        assertThat(bus).isInstanceOf(PostgresCollabBus.class);
    }
}
