package org.annals.entity;

import org.annals.support.IntegrationTest;

@IntegrationTest
class PlaceLocatorH2Test extends PlaceLocatorContract {
}
