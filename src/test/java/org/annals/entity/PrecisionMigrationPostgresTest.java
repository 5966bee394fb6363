package org.annals.entity;

import org.annals.support.PostgresIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A context of its own (the property), closed afterwards: the test takes the schema back under it. */
@PostgresIntegrationTest
@TestPropertySource(properties = "annals.test.context=precision-migration")
@DirtiesContext
class PrecisionMigrationPostgresTest extends PrecisionMigrationContract {
}
