package org.annals.source.fetch;

import org.annals.support.IntegrationTest;

@IntegrationTest
class MarkupHeavyImportH2Test extends MarkupHeavyImportContract {
}
