package org.annals.search;

import org.annals.support.IntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A context of its own (the property), closed afterwards: the test drops tables under it. */
@IntegrationTest
@TestPropertySource(properties = "annals.test.context=search-after-upgrade")
@DirtiesContext
class SearchAfterUpgradeH2Test extends SearchAfterUpgradeContract {
}
