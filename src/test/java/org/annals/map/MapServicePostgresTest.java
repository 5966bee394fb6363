package org.annals.map;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class MapServicePostgresTest extends MapServiceContract {
}
