package org.annals.review;

import org.annals.collab.CollabBus;
import org.annals.collab.SecondNode;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** On PostgreSQL with the LISTEN/NOTIFY bus; announcements are watched from a second node. */
@PostgresIntegrationTest
@TestPropertySource(properties = "annals.collab.bus=postgres")
class MergeHistoryPostgresTest extends MergeHistoryContract {

    @Value("${spring.datasource.url}")
    String url;
    private SecondNode otherNode;

    @BeforeEach
    void otherNode() throws InterruptedException {
        otherNode = SecondNode.listeningOn(url);
    }

    @AfterEach
    void stopOtherNode() {
        otherNode.close();
    }

    @Override
    CollabBus observer() {
        return otherNode.bus();
    }
}
