package org.annals.authorization;

import org.annals.support.IntegrationTest;

@IntegrationTest
class RevokedRightsH2Test extends RevokedRightsContract {
}
