package org.annals.bench;

import org.annals.support.PostgresIntegrationTest;

/** {@link SearchDocumentsBenchmark} on embedded PostgreSQL. */
@PostgresIntegrationTest
class SearchDocumentsPostgresBenchmark extends SearchDocumentsBenchmark {
}
