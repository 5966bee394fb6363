package org.annals.suggest;

import org.annals.support.IntegrationTest;

@IntegrationTest
class SuggestionH2Test extends SuggestionContract {
}
