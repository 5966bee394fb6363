package org.annals.base;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class LiteralSearchPostgresTest extends LiteralSearchContract {
}
