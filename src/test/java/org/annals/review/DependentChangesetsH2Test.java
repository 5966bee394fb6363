package org.annals.review;

import org.annals.support.IntegrationTest;

@IntegrationTest
class DependentChangesetsH2Test extends DependentChangesetsContract {
}
