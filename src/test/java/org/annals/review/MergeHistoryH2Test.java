package org.annals.review;

import org.annals.collab.CollabBus;
import org.annals.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** One node on H2: the in-process bus is its own observer. */
@IntegrationTest
class MergeHistoryH2Test extends MergeHistoryContract {

    @Autowired
    CollabBus bus;

    @Override
    CollabBus observer() {
        return bus;
    }
}
