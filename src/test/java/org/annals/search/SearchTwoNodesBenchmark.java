package org.annals.search;

import static org.annals.support.Fixtures.as;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.entity.EntityPayload;
import org.annals.entity.EntityService;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.annals.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The delay from an approval on node A until node B finds it, over one PostgreSQL: node B is a second
 * engine and indexer with the application's own documents that learns of changes only from the feed
 * (polling every 500 ms, the shipped default). The delay does not depend on the size of the index (a
 * change is applied group by group), so this runs on a small project; {@code SearchBenchmark} measures the
 * same-node delay on the large data set. Lines starting with {@code BENCHMARK} are the results.
 */
@PostgresIntegrationTest
@Tag("benchmark")
class SearchTwoNodesBenchmark {

    private static final int APPROVALS = 50;

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
    SearchDocuments documents;

    @TempDir
    Path folder;

    @Test
    void approval_until_found_on_another_node() throws Exception {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("bench-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("bench-reviewer");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        var delays = new ArrayList<Double>();
        try (var nodeB = new IndexNode(folder, DocumentReader.of(documents), new SearchFeed(jdbc), transactions,
                Duration.ofSeconds(30))) {
            nodeB.awaitCurrent();
            for (int i = 0; i < APPROVALS; i++) {
                String name = "Qaryat" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "zim";
                var proposal = as(editor, () -> entities.proposeCreate(project,
                        EntityPayload.of(EntityKind.PLACE, name), "Add " + name, true));
                as(reviewer, () -> review.approve(proposal.changesetId(), null));
                long committed = System.nanoTime();
                long deadline = committed + Duration.ofSeconds(10).toNanos();
                while (nodeB.find(project, name).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " approved but not found on node B after 10 s");
                    }
                    Thread.sleep(5);
                }
                delays.add((System.nanoTime() - committed) / 1e6);
            }
        }
        List<Double> sorted = delays.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "BENCHMARK search delay from an approval's commit until another node finds it,"
                + " ms: p50 %.1f, p95 %.1f, max %.1f over %d approvals%n", sorted.get(sorted.size() / 2 - 1),
                sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.getLast(), sorted.size());
    }
}
