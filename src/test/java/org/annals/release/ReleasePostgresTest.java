package org.annals.release;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ReleasePostgresTest extends ReleaseContract {
}
