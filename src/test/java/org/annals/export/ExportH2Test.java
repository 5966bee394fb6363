package org.annals.export;

import org.annals.support.IntegrationTest;

@IntegrationTest
class ExportH2Test extends ExportContract {
}
