package org.annals.source;

import org.annals.support.IntegrationTest;

@IntegrationTest
class SourceImportH2Test extends SourceImportContract {
}
