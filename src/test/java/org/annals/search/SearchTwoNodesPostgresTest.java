package org.annals.search;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two nodes on one PostgreSQL: node A is this application (its services make the change, its feed wakes
 * its index); node B is a second engine and indexer with its own folder and its own view of the feed,
 * over the same database, that hears of nothing but what it reads there. (Two engine and indexer pairs
 * rather than two whole application contexts: the index only shares the database with the rest.)
 */
@PostgresIntegrationTest
class SearchTwoNodesPostgresTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SearchFeed feedOfA;
    @Autowired
    SearchDocuments documents;

    @TempDir
    Path folders;

    @Test
    void a_change_approved_on_node_a_is_found_on_node_b() throws Exception {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("node-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("node-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        // Both nodes build their documents as the application does.
        DocumentReader reader = DocumentReader.of(documents);
        try (var nodeA = new IndexNode(folders.resolve("a"), reader, feedOfA, transactions, Duration.ofSeconds(30));
                var nodeB = new IndexNode(folders.resolve("b"), reader, new SearchFeed(jdbc), transactions,
                        Duration.ofSeconds(30))) {
            nodeA.awaitCurrent();
            nodeB.awaitCurrent();
            assertThat(nodeB.find(project, "Afrin")).isEmpty();

            var proposal = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.PLACE, "Afrin")
                    .withAliases(java.util.List.of(new org.annals.entity.Alias("عفرين", "ar"))),
                    "Add Afrin", true));
            as(reviewer, () -> review.approve(proposal.changesetId(), null));

            nodeB.awaitCurrent();
            assertThat(nodeB.find(project, "Afrin")).containsExactly("Afrin");
            assertThat(nodeB.find(project, "عفرين")).as("by its Arabic alias").containsExactly("Afrin");
            nodeA.awaitCurrent();
            assertThat(nodeA.find(project, "Afrin")).containsExactly("Afrin");
        }
    }
}
