package org.annals.account;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class AccountServicePostgresTest extends AccountServiceContract {
}
