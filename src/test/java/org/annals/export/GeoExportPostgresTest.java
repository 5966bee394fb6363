package org.annals.export;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class GeoExportPostgresTest extends GeoExportContract {
}
