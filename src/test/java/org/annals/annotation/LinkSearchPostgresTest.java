package org.annals.annotation;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class LinkSearchPostgresTest extends LinkSearchContract {
}
