package org.annals.release;

import org.annals.support.IntegrationTest;

@IntegrationTest
class ReleaseH2Test extends ReleaseContract {
}
