package org.annals.source.fetch;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class MarkupHeavyImportPostgresTest extends MarkupHeavyImportContract {
}
