package org.annals.suggest;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class SuggestionPostgresTest extends SuggestionContract {
}
