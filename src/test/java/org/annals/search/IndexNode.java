package org.annals.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.search.lucene.LuceneSearchEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One node's index in a test: its own engine in its own folder and its own indexer, over the
 * application's database. Started at once; {@link #close()} stops it like a node shutting down.
 */
final class IndexNode implements AutoCloseable {

    final LuceneSearchEngine engine;
    /** The stand-in reader whose loads the lifecycle tests inspect; null on a node with the real documents. */
    final @Nullable TitleDocuments documents;
    final DocumentReader reader;
    final SearchFeed feed;
    final SearchIndexer indexer;

    IndexNode(Path folder, JdbcTemplate jdbc, SearchFeed feed, PlatformTransactionManager transactions,
            Duration gapGrace) {
        this(folder, new TitleDocuments(jdbc), feed, transactions, gapGrace);
    }

    /** A node that indexes with the application's own documents ({@code reader}) instead of titles only. */
    IndexNode(Path folder, DocumentReader reader, SearchFeed feed, PlatformTransactionManager transactions,
            Duration gapGrace) {
        this.engine = new LuceneSearchEngine(folder);
        this.documents = reader instanceof TitleDocuments titles ? titles : null;
        this.reader = reader;
        this.feed = feed;
        this.indexer = new SearchIndexer(engine, reader, feed, transactions, Duration.ofMillis(200), gapGrace,
                Duration.ofDays(7));
        indexer.start();
    }

    /** Waits (bounded) until the node has applied everything committed so far, or fails saying so. */
    void awaitCurrent() {
        if (!indexer.awaitCurrent(Duration.ofSeconds(60))) {
            throw new AssertionError("The node's index did not catch up within 60 s: " + indexer.status());
        }
    }

    /** The titles of what a member of the project finds for the words. */
    List<String> find(UUID project, String words) {
        var query = new EngineQuery(QuerySyntax.read(words), project, UUID.randomUUID(), false, Set.of(), null,
                Set.of(), null, null, false, 0, 20);
        return engine.search(query).hits().stream().map(hit -> hit.document().title()).toList();
    }

    @Override
    public void close() throws Exception {
        indexer.stop();
        engine.close();
    }
}
