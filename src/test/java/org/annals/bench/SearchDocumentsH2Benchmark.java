package org.annals.bench;

import org.annals.support.IntegrationTest;

/** {@link SearchDocumentsBenchmark} on embedded H2 in memory. */
@IntegrationTest
class SearchDocumentsH2Benchmark extends SearchDocumentsBenchmark {
}
