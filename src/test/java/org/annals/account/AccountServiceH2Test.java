package org.annals.account;

import org.annals.support.IntegrationTest;

@IntegrationTest
class AccountServiceH2Test extends AccountServiceContract {
}
