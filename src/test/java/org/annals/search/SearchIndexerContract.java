package org.annals.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.annals.security.AnnalsPrincipal;
import org.annals.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index keeps up with the database by itself: it applies changes whose feed ids commit out of order,
 * rebuilds an index that is missing, damaged or foreign when it starts, and leaves an up-to-date one as it
 * is. Each test runs its own node(s) over the application's database (with stand-in documents: source
 * titles and entity names, {@link TitleDocuments}). Run against H2 and PostgreSQL by the subclasses.
 */
abstract class SearchIndexerContract {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SearchFeed feed;

    @TempDir
    Path folders;

    UUID project;
    AnnalsPrincipal editor;

    @BeforeEach
    void projectWithASource() {
        project = fixtures.newProject(fixtures.admin());
        editor = fixtures.newUser("index-editor");
        fixtures.addMember(project, editor, org.annals.project.ProjectRole.EDITOR);
    }

    IndexNode node(Path folder) {
        return new IndexNode(folder, jdbc, feed, transactions, Duration.ofSeconds(30));
    }

    /** A node that does not wait for gaps: its position reaches the newest row as soon as it has applied it. */
    IndexNode impatientNode(Path folder) {
        return new IndexNode(folder, jdbc, feed, transactions, Duration.ZERO);
    }

    /** Builds the index in the folder with the source in it, and stops that node with everything applied. */
    void indexWithSource(Path folder, String title) throws Exception {
        fixtures.newSource(project, editor, title, "Some text of " + title + ".");
        try (var node = impatientNode(folder)) {
            node.awaitCurrent();
            node.awaitCurrent(); // a second pass: ids skipped by rolled-back transactions are given up at once
            assertThat(node.find(project, "Aleppo")).containsExactly(title);
        }
    }

    @Test
    void a_feed_row_that_commits_after_a_later_one_is_still_applied() throws Exception {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        var earlyWritten = new CountDownLatch(1);
        var commitEarly = new CountDownLatch(1);
        try (var node = node(folders.resolve("gap"))) {
            node.awaitCurrent();
            // The early row takes its id first but commits last (as when two transactions write their rows
            // just before committing, and the first one's commit takes longer).
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        insertRow(early);
                        earlyWritten.countDown();
                        await(commitEarly);
                    }));
            await(earlyWritten);
            new TransactionTemplate(transactions).executeWithoutResult(status -> insertRow(late));
            long lateId = feed.lastId();

            node.awaitCurrent();
            assertThat(node.documents.loaded).contains(new DocumentGroup(DocumentGroup.Type.SOURCE, late))
                    .doesNotContain(new DocumentGroup(DocumentGroup.Type.SOURCE, early));
            assertThat(node.engine.position()).as("held below the gap").isLessThan(lateId);

            commitEarly.countDown();
            slow.get(30, TimeUnit.SECONDS);
            node.awaitCurrent();
            assertThat(node.documents.loaded).contains(new DocumentGroup(DocumentGroup.Type.SOURCE, early));
            assertThat(node.indexer.status().behind()).as("rows not applied").isZero();
        }
    }

    private void insertRow(UUID source) {
        jdbc.update("insert into search_change (group_type, group_id, recorded_at) values ('SOURCE', ?, ?)", source,
                java.sql.Timestamp.from(java.time.Instant.now()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 30 s for the other transaction");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_index_deleted_while_the_node_was_stopped_is_rebuilt_on_start_and_searchable() throws Exception {
        Path folder = folders.resolve("deleted");
        indexWithSource(folder, "Chronicle of Aleppo");
        deleteFolder(folder);
        try (var node = node(folder)) {
            node.awaitCurrent();
            assertThat(node.find(project, "Aleppo")).containsExactly("Chronicle of Aleppo");
        }
    }

    @Test
    void a_damaged_index_is_moved_aside_and_rebuilt() throws Exception {
        Path folder = folders.resolve("damaged");
        indexWithSource(folder, "Diary from Aleppo");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.writeString(file, "garbage, not an index");
            }
        }
        try (var node = node(folder)) {
            assertThat(node.engine.recovered()).isTrue();
            node.awaitCurrent();
            assertThat(node.find(project, "Aleppo")).containsExactly("Diary from Aleppo");
        }
        try (Stream<Path> siblings = Files.list(folders)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("damaged.damaged-"));
        }
    }

    @Test
    void a_restart_with_an_up_to_date_index_indexes_nothing_again() throws Exception {
        Path folder = folders.resolve("current");
        indexWithSource(folder, "Letters from Aleppo");
        try (var node = node(folder)) {
            node.awaitCurrent();
            assertThat(node.documents.loaded).as("groups loaded again").isEmpty();
            assertThat(node.find(project, "Aleppo")).containsExactly("Letters from Aleppo");
        }
    }

    @Test
    void an_index_ahead_of_the_feed_is_rebuilt() throws Exception {
        Path folder = folders.resolve("ahead");
        indexWithSource(folder, "Maps of Aleppo");
        String database = feed.databaseId();
        try (var engine = new org.annals.search.lucene.LuceneSearchEngine(folder)) {
            // As if the database had been restored from a backup older than the index.
            engine.commit(feed.lastId() + 1000, database);
        }
        try (var node = node(folder)) {
            node.awaitCurrent();
            assertThat(node.documents.loaded).as("rebuilt").isNotEmpty();
            assertThat(node.engine.position()).isLessThanOrEqualTo(feed.lastId());
            assertThat(node.find(project, "Aleppo")).containsExactly("Maps of Aleppo");
        }
    }

    @Test
    void an_index_of_another_database_is_rebuilt() throws Exception {
        Path folder = folders.resolve("foreign");
        indexWithSource(folder, "Poems of Aleppo");
        try (var engine = new org.annals.search.lucene.LuceneSearchEngine(folder)) {
            engine.commit(engine.position(), UUID.randomUUID().toString());
        }
        try (var node = node(folder)) {
            node.awaitCurrent();
            assertThat(node.documents.loaded).as("rebuilt").isNotEmpty();
            assertThat(node.engine.databaseId()).isEqualTo(feed.databaseId());
        }
    }

    static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
