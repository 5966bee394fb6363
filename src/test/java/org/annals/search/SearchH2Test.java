package org.annals.search;

import org.annals.support.IntegrationTest;

@IntegrationTest
class SearchH2Test extends SearchContract {
}
