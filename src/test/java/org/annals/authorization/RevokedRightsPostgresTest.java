package org.annals.authorization;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class RevokedRightsPostgresTest extends RevokedRightsContract {
}
