package org.annals.search;

import org.annals.support.IntegrationTest;

@IntegrationTest
class SearchFeedH2Test extends SearchFeedContract {
}
