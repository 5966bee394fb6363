package org.annals.search;

import org.annals.support.IntegrationTest;

/** On the embedded H2 database. */
@IntegrationTest
class SearchDocumentsH2Test extends SearchDocumentsContract {
}
