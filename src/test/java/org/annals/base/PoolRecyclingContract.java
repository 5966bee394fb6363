package org.annals.base;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.event.ActorRole;
import org.annals.event.EventActor;
import org.annals.event.EventPayload;
import org.annals.event.EventService;
import org.annals.event.PartialDate;
import org.annals.event.TaxonomyService;
import org.annals.project.ProjectRole;
import org.annals.review.ChangesetService;
import org.annals.review.ChangesetState;
import org.annals.review.ReviewService;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes keep working after the connection pool has replaced every connection it had, above all the
 * one that ran the Flyway migrations. H2 2.4.240 tied CHECK ... IN constraints to the session that
 * created them: once the pool retired that connection (max-lifetime, 30 minutes by default), every
 * insert into such a table failed with "Check constraint invalid" until a restart (decision 0014).
 * <p>
 * Hikari refuses a max-lifetime below 30 s (it falls back to 30 minutes), so the test retires the
 * connections itself with the pool's own soft eviction: idle connections are closed at once, busy
 * ones when they are given back, and new ones are opened, exactly what max-lifetime does one by one.
 * A connection outside the pool keeps the database open meanwhile, as the pool's other connections
 * do in a running application (an H2 database with no session left would close and be re-read from
 * disk, which hides the defect). Everything written afterwards goes through the real services.
 */
abstract class PoolRecyclingContract {

    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties dataSourceProperties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    EventService events;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ChangesetService changesets;
    @Autowired
    ReviewService review;
    @Autowired
    TokenService tokens;
    @Autowired
    MigratingSession migratingSession;

    /** The database's identifier of the session a connection has (H2's session id, PostgreSQL's backend pid). */
    abstract String currentSessionQuery();

    /** The sessions open on this test's database, the one asking included. */
    abstract String openSessionsQuery();

    @Test
    void writes_succeed_after_the_pool_replaced_every_connection_including_the_migrating_one() throws Exception {
        assertThat(migratingSession.ids).as("Flyway ran its migrations on a pooled connection").isNotEmpty();
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        try (Connection keeper = DriverManager.getConnection(dataSourceProperties.determineUrl(),
                dataSourceProperties.determineUsername(), dataSourceProperties.determinePassword())) {
            Set<Object> keeperSession = Set.of(sessionOf(keeper));
            List<Object> before = openSessions();
            before.removeAll(keeperSession);
            assertThat(before).as("the pool's sessions").containsAll(migratingSession.ids);

            pool.softEvictConnections();
            List<Object> left = waitUntilGone(before);
            assertThat(left).as("sessions of the pool before the eviction that are still open").isEmpty();
            assertThat(openSessions()).as("the pool opened new connections").doesNotContainAnyElementsOf(before);

            var manager = fixtures.newUser("manager");
            var editor = fixtures.newUser("editor");
            var reviewer = fixtures.newUser("reviewer");
            var project = fixtures.newProject(fixtures.admin());
            fixtures.addMember(project, manager, ProjectRole.MANAGER);
            fixtures.addMember(project, editor, ProjectRole.EDITOR);
            fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);

            var proposal = as(editor, () -> entities.proposeCreate(project,
                    EntityPayload.of(EntityKind.ORGANIZATION, "Hay'at Tahrir al-Sham"), "Add HTS", false));
            as(editor, () -> changesets.submit(proposal.changesetId()));
            as(reviewer, () -> review.approve(proposal.changesetId(), "Checked"));
            assertThat(as(editor, () -> changesets.details(proposal.changesetId())).summary().state())
                    .isEqualTo(ChangesetState.APPROVED);
            assertThat(as(editor, () -> entities.get(project, proposal.entityId())).values().name())
                    .isEqualTo("Hay'at Tahrir al-Sham");

            var battles = as(editor, () -> taxonomy.taxonomy(project)).getFirst().id();
            var event = as(editor, () -> events.proposeCreate(project, EventPayload.of("Fall of Hama",
                    PartialDate.parse("2024-12-05"), battles).withActors(List.of(
                            new EventActor(proposal.entityId(), ActorRole.PRIMARY))), "Add the fall of Hama", true));
            as(reviewer, () -> review.approve(event.changesetId(), null));
            assertThat(as(editor, () -> events.get(project, event.eventId())).title()).isEqualTo("Fall of Hama");

            var token = as(editor, () -> tokens.create("nightly export", project, TokenScope.WRITE,
                    LocalDate.now().plusMonths(1)));
            assertThat(token.secret()).startsWith("annals_");
            assertThat(as(editor, () -> tokens.mine())).singleElement()
                    .satisfies(t -> assertThat(t.scope()).isEqualTo(TokenScope.WRITE));
        }
    }

    private List<Object> waitUntilGone(List<Object> sessions) throws InterruptedException {
        List<Object> left = new ArrayList<>(sessions);
        // Hikari closes evicted connections on its own thread: give it a moment, bounded.
        for (int attempt = 0; attempt < 200; attempt++) {
            left = openSessions();
            left.retainAll(sessions);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return left;
    }

    private List<Object> openSessions() {
        return new ArrayList<>(jdbc.queryForList(openSessionsQuery(), Object.class));
    }

    private Object sessionOf(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(currentSessionQuery())) {
            result.next();
            return result.getObject(1);
        }
    }

    /** Notes which database sessions ran the migrations. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MigratingSession implements Callback {

        final Set<Object> ids = ConcurrentHashMap.newKeySet();

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try (var statement = context.getConnection().createStatement();
                    var result = statement.executeQuery(context.getConnection().getMetaData().getDatabaseProductName()
                            .equals("PostgreSQL") ? "select pg_backend_pid()" : "select session_id()")) {
                result.next();
                ids.add(result.getObject(1));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the migrating session's id", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "migrating-session";
        }
    }
}
