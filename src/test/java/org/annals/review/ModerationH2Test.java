package org.annals.review;

import org.annals.support.IntegrationTest;

@IntegrationTest
class ModerationH2Test extends ModerationContract {
}
