package org.annals.source;

import org.annals.support.IntegrationTest;

@IntegrationTest
class OfficeImportH2Test extends OfficeImportContract {
}
