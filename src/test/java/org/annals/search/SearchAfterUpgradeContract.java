package org.annals.search;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.annals.entity.Alias;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An installation upgraded to search: a populated database of the schema before it (no change feed, no
 * index) is migrated, and a node starting on it with no index finds what was there before. Each run has a
 * context of its own (the test drops the feed's tables under it); run on H2 and PostgreSQL.
 */
abstract class SearchAfterUpgradeContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    EntityService entities;
    @Autowired
    ReviewService review;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SearchDocuments documents;

    @TempDir
    Path folder;

    @Test
    void what_was_there_before_search_existed_is_found_after_the_upgrade() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("upgrade-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("upgrade-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        fixtures.newSource(project, editor, "Dispatch from the eastern front",
                "Government forces withdrew from Saraqib overnight.");
        var group = as(editor, () -> entities.proposeCreate(project, EntityPayload.of(EntityKind.ORGANIZATION,
                "Hayat Tahrir al-Sham").withAliases(List.of(new Alias("هيئة تحرير الشام", "ar"))), "Add", true));
        as(reviewer, () -> review.approve(group.changesetId(), null));

        // Back to the schema before search: the same rows, no feed, and the migration not yet applied.
        jdbc.execute("drop table search_change");
        jdbc.execute("drop table search_feed_state");
        jdbc.update("delete from \"" + flyway.getConfiguration().getTable() + "\" where \"version\" = '22'");
        // later migrations stay applied: this Flyway applies the search migration behind them
        Flyway upgrade = Flyway.configure().configuration(flyway.getConfiguration()).outOfOrder(true).load();
        assertThat(upgrade.info().pending()).as("the search migration waits").hasSize(1);

        upgrade.migrate();
        assertThat(upgrade.info().pending()).isEmpty();
        try (var node = new IndexNode(folder, DocumentReader.of(documents), new SearchFeed(jdbc), transactions,
                Duration.ofSeconds(30))) {
            node.awaitCurrent();
            assertThat(node.find(project, "Saraqib")).containsExactly("Dispatch from the eastern front");
            assertThat(node.find(project, "هيئه تحرير الشام")).containsExactly("Hayat Tahrir al-Sham");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
