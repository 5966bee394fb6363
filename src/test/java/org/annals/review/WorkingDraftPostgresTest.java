package org.annals.review;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class WorkingDraftPostgresTest extends WorkingDraftContract {
}
