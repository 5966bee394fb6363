package org.annals.project;

import org.annals.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ProjectServicePostgresTest extends ProjectServiceContract {
}
