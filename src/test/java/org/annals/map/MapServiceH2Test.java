package org.annals.map;

import org.annals.support.IntegrationTest;

@IntegrationTest
class MapServiceH2Test extends MapServiceContract {
}
