package org.annals.source;

import org.annals.support.IntegrationTest;

@IntegrationTest
class PdfImportH2Test extends PdfImportContract {
}
