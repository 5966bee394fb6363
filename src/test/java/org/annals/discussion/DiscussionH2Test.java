package org.annals.discussion;

import org.annals.support.IntegrationTest;

/** The discussion contract on the embedded H2 database with the in-process bus. */
@IntegrationTest
class DiscussionH2Test extends DiscussionContract {
}
