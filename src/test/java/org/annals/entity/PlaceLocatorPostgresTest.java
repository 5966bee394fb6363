package org.annals.entity;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class PlaceLocatorPostgresTest extends PlaceLocatorContract {
}
