package org.annals.review;

import org.annals.support.IntegrationTest;

@IntegrationTest
class StaleChangesetH2Test extends StaleChangesetContract {
}
