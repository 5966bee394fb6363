package org.annals.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/** Pool recycling on PostgreSQL. */
@PostgresIntegrationTest
@Import(PoolRecyclingContract.MigratingSession.class)
class PoolRecyclingPostgresTest extends PoolRecyclingContract {

    @Override
    String currentSessionQuery() {
        return "select pg_backend_pid()";
    }

    @Override
    String openSessionsQuery() {
        return "select pid from pg_stat_activity where datname = current_database()";
    }

    /**
     * PostgreSQL answers a commit once it is on disk unless synchronous_commit is off (decision 0015).
     * Annals leaves that to the server's configuration, whose default is on: neither its connections
     * nor its migrations set it. (The test server itself runs with it off, for speed: that comes from
     * its command line, which is what this checks is the only place the value came from.)
     */
    @Test
    void annals_leaves_synchronous_commit_to_the_server() {
        assertThat(jdbc.queryForObject("select source from pg_settings where name = 'synchronous_commit'",
                String.class)).isIn("default", "configuration file", "command line");
        assertThat(jdbc.queryForObject("select count(*) from pg_db_role_setting where array_to_string(setconfig, ',')"
                + " like '%synchronous_commit%'", Integer.class)).as("per-database or per-role settings").isZero();
    }
}
