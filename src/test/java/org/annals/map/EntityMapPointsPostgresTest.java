package org.annals.map;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class EntityMapPointsPostgresTest extends EntityMapPointsContract {
}
