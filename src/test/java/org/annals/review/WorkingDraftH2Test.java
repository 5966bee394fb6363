package org.annals.review;

import org.annals.support.IntegrationTest;

@IntegrationTest
class WorkingDraftH2Test extends WorkingDraftContract {
}
