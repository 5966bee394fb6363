package org.annals.project;

import org.annals.support.IntegrationTest;

@IntegrationTest
class ProjectServiceH2Test extends ProjectServiceContract {
}
