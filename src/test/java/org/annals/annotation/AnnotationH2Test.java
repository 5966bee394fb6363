package org.annals.annotation;

import org.annals.support.IntegrationTest;

@IntegrationTest
class AnnotationH2Test extends AnnotationContract {
}
