package org.annals.search;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class SearchPostgresTest extends SearchContract {
}
