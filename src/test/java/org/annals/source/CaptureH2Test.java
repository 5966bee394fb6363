package org.annals.source;

import org.annals.support.IntegrationTest;

@IntegrationTest
class CaptureH2Test extends CaptureContract {
}
