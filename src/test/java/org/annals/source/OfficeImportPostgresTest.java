package org.annals.source;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class OfficeImportPostgresTest extends OfficeImportContract {
}
