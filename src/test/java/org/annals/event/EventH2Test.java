package org.annals.event;

import org.annals.support.IntegrationTest;

@IntegrationTest
class EventH2Test extends EventContract {
}
