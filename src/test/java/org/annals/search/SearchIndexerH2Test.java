package org.annals.search;

import org.annals.support.IntegrationTest;

@IntegrationTest
class SearchIndexerH2Test extends SearchIndexerContract {
}
