package org.annals.source.fetch;

import org.annals.support.IntegrationTest;

@IntegrationTest
class UrlImportH2Test extends UrlImportContract {
}
