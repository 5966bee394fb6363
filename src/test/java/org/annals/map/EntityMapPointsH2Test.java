package org.annals.map;

import org.annals.support.IntegrationTest;

@IntegrationTest
class EntityMapPointsH2Test extends EntityMapPointsContract {
}
