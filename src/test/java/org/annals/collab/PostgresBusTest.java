package org.annals.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.annals.review.RecordRef;
import org.annals.support.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LISTEN/NOTIFY bus between two nodes on one real PostgreSQL database (the embedded server the
 * test suite starts), without Spring: what one node publishes reaches the other intact, each node's
 * own subscribers get it exactly once, oversized events still arrive, and a listener whose connection
 * is killed comes back and tells its subscribers to reload.
 */
class PostgresBusTest {

    private String url;
    private PostgresCollabBus first;
    private PostgresCollabBus second;
    private final UUID project = UUID.randomUUID();

    @BeforeEach
    void twoNodes() throws InterruptedException {
        url = EmbeddedPostgres.createDatabase();
        first = node("first");
        second = node("second");
        assertThat(first.awaitListening(Duration.ofSeconds(20))).isTrue();
        assertThat(second.awaitListening(Duration.ofSeconds(20))).isTrue();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private PostgresCollabBus node(String name) {
        PostgresCollabBus.Connector listen = () -> connect("annals-test-listen-" + name);
        PostgresCollabBus.Connector notify = () -> connect("annals-test-notify-" + name);
        var bus = new PostgresCollabBus(listen, notify, 2);
        bus.start();
        return bus;
    }

    private Connection connect(String applicationName) throws SQLException {
        var info = new Properties();
        info.setProperty("user", "postgres");
        info.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url, info);
    }

    private CollabEvent event(int records) {
        Set<RecordRef> refs = new HashSet<>();
        for (int i = 0; i < records; i++) {
            refs.add(new RecordRef(i % 2 == 0 ? "ANNOTATION" : "ENTITY", UUID.randomUUID()));
        }
        return new CollabEvent(project, CollabEvent.Kind.APPROVED, UUID.randomUUID(), refs,
                Set.of(UUID.randomUUID(), UUID.randomUUID()), UUID.randomUUID(), false);
    }

    @Test
    void an_event_reaches_the_other_node_intact_and_each_subscriber_once() {
        var here = new Recorder();
        var there = new Recorder();
        first.subscribe(project, here);
        second.subscribe(project, there);
        var unrelated = new Recorder();
        second.subscribe(UUID.randomUUID(), unrelated);

        CollabEvent event = event(3);
        CollabEvent fence = Recorder.fence(project);
        first.publish(event);
        first.publish(fence);

        assertThat(there.until(fence)).containsExactly(event, fence);
        // The publishing node hears its own NOTIFY too, and skips it: its subscriber has each event once.
        // Anything that arrived twice would be there before a fence sent afterwards from the other node.
        CollabEvent back = Recorder.fence(project);
        second.publish(back);
        assertThat(here.until(back)).containsExactly(event, fence, back);
        assertThat(there.until(back)).containsExactly(back);
        assertThat(unrelated.drain()).isEmpty();
    }

    @Test
    void an_event_too_large_for_notify_arrives_without_its_records_marked_partial() {
        var there = new Recorder();
        second.subscribe(project, there);
        CollabEvent large = event(1000);
        assertThat(CollabPayload.write(first.node(), large).length()).isLessThanOrEqualTo(CollabPayload.MAX_BYTES);

        first.publish(large);
        CollabEvent received = there.next();
        assertThat(received.changesetId()).isEqualTo(large.changesetId());
        assertThat(received.kind()).isEqualTo(large.kind());
        assertThat(received.actorId()).isEqualTo(large.actorId());
        assertThat(received.contexts()).isEqualTo(large.contexts());
        assertThat(received.records()).isEmpty();
        assertThat(received.partial()).isTrue();
        assertThat(received.concernsRecord(large.records().iterator().next())).isTrue();
    }

    @Test
    void a_killed_listening_connection_comes_back_and_asks_open_views_to_reload() throws SQLException {
        var there = new Recorder();
        second.subscribe(project, there);
        try (Connection admin = connect("annals-test-admin"); Statement statement = admin.createStatement()) {
            var killed = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'annals-test-listen-second'");
            assertThat(killed.next()).isTrue();
        }
        // Events published while it was away are lost; the resync says so, and then events flow again.
        assertThat(there.next()).isEqualTo(CollabEvent.resync(project));
        CollabEvent after = event(1);
        first.publish(after);
        assertThat(there.until(after)).last().isEqualTo(after);
    }
}
