package org.annals.review;

import org.annals.support.IntegrationTest;

@IntegrationTest
class ConcurrentModerationH2Test extends ConcurrentModerationContract {
}
