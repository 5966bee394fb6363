package org.annals.discussion;

import org.annals.support.PostgresIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** The discussion contract on PostgreSQL, with live announcements over LISTEN/NOTIFY. */
@PostgresIntegrationTest
@TestPropertySource(properties = "annals.collab.bus=postgres")
class DiscussionPostgresTest extends DiscussionContract {
}
