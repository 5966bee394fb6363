package org.annals.annotation;

import org.annals.support.IntegrationTest;

@IntegrationTest
class LinkSearchH2Test extends LinkSearchContract {
}
