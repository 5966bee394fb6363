package org.annals.base;

import org.annals.support.IntegrationTest;
import org.springframework.context.annotation.Import;

/** Pool recycling on H2 in memory (the test suite's database). */
@IntegrationTest
@Import(PoolRecyclingContract.MigratingSession.class)
class PoolRecyclingH2Test extends PoolRecyclingContract {

    @Override
    String currentSessionQuery() {
        return "select session_id()";
    }

    @Override
    String openSessionsQuery() {
        return "select session_id from information_schema.sessions";
    }
}
