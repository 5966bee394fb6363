package org.annals.event;

import org.annals.support.IntegrationTest;

@IntegrationTest
class EventClaimsH2Test extends EventClaimsContract {
}
