package org.annals.export;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ExportPostgresTest extends ExportContract {
}
