package org.annals.export;

import org.annals.support.IntegrationTest;

@IntegrationTest
class GeoExportH2Test extends GeoExportContract {
}
