package org.annals.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;

/**
 * Another application node's bus on the same PostgreSQL database, for tests outside this package
 * that watch announcements cross LISTEN/NOTIFY as a second node would receive them.
 */
public final class SecondNode implements AutoCloseable {

    private final PostgresCollabBus bus;

    private SecondNode(PostgresCollabBus bus) {
        this.bus = bus;
    }

    /** Starts listening on the database (as user "postgres", as the embedded test server has it). */
    public static SecondNode listeningOn(String jdbcUrl) throws InterruptedException {
        PostgresCollabBus.Connector connector = () -> DriverManager.getConnection(jdbcUrl, "postgres", "");
        var bus = new PostgresCollabBus(connector, connector, 1);
        bus.start();
        assertThat(bus.awaitListening(Duration.ofSeconds(20))).isTrue();
        return new SecondNode(bus);
    }

    public CollabBus bus() {
        return bus;
    }

    @Override
    public void close() {
        bus.close();
    }
}
