package org.annals.review;

import org.annals.support.IntegrationTest;

@IntegrationTest
class CrossProjectReferencesH2Test extends CrossProjectReferencesContract {
}
