package org.annals.search;

import org.annals.support.PostgresIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A context of its own (the property), closed afterwards: the test drops tables under it. */
@PostgresIntegrationTest
@TestPropertySource(properties = "annals.test.context=search-after-upgrade")
@DirtiesContext
class SearchAfterUpgradePostgresTest extends SearchAfterUpgradeContract {
}
