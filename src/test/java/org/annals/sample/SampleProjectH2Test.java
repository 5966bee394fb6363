package org.annals.sample;

import org.annals.support.IntegrationTest;

@IntegrationTest
class SampleProjectH2Test extends SampleProjectContract {
}
