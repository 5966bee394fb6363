package org.annals.review;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class DependentChangesetsPostgresTest extends DependentChangesetsContract {
}
