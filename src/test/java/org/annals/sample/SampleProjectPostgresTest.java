package org.annals.sample;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class SampleProjectPostgresTest extends SampleProjectContract {
}
