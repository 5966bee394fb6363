package org.annals.entity;

import org.annals.support.IntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A context of its own (the property), closed afterwards: the test takes the schema back under it. */
@IntegrationTest
@TestPropertySource(properties = "annals.test.context=precision-migration")
@DirtiesContext
class PrecisionMigrationH2Test extends PrecisionMigrationContract {
}
