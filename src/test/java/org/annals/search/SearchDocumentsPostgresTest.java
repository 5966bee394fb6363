package org.annals.search;

import org.annals.support.PostgresIntegrationTest;

/** On PostgreSQL. */
@PostgresIntegrationTest
class SearchDocumentsPostgresTest extends SearchDocumentsContract {
}
