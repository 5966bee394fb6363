package org.annals.event;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class EventPostgresTest extends EventContract {
}
