package org.annals.event;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class EventClaimsPostgresTest extends EventClaimsContract {
}
