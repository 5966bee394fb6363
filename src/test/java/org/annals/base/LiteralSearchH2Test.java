package org.annals.base;

import org.annals.support.IntegrationTest;

@IntegrationTest
class LiteralSearchH2Test extends LiteralSearchContract {
}
