package org.annals.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annals.search.DocumentGroup;
import org.annals.search.EngineQuery;
import org.annals.search.EngineResults;
import org.annals.search.SearchDocument;
import org.annals.search.SearchEngine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of one node: a Lucene directory under the data folder, one writer, and searchers refreshed
 * on every commit. The feed position is stored in the commit's user data, so documents and position
 * are durable together.
 */
public final class LuceneSearchEngine implements SearchEngine, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);
    static final String POSITION = "annals.feed.position";

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneQueries queries;
    private final LuceneSnippets snippets = new LuceneSnippets();

    public LuceneSearchEngine(Path folder) {
        this.folder = folder;
        Analyzer folding = SearchAnalyzers.folding();
        this.queries = new LuceneQueries(folding, SearchAnalyzers.stemming());
        try {
            Files.createDirectories(folder);
            this.directory = FSDirectory.open(folder);
            var config = new IndexWriterConfig(SearchAnalyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index in " + folder + " could not be opened", e);
        }
        log.info("Search index in {}: {} documents, feed position {}", folder, documentCount(), position());
    }

    @Override
    public void replace(DocumentGroup group, List<SearchDocument> documents) {
        try {
            if (group.type() == DocumentGroup.Type.PROJECT) {
                writer.deleteDocuments(new Term(LuceneFields.PROJECT, group.id().toString()));
                return;
            }
            writer.deleteDocuments(new Term(LuceneFields.GROUP, group.key()));
            for (SearchDocument document : documents) {
                writer.addDocument(LuceneFields.toLucene(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void commit(long position) {
        try {
            writer.setLiveCommitData(Map.of(POSITION, Long.toString(position)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long position() {
        var data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (POSITION.equals(entry.getKey())) {
                    return Long.parseLong(entry.getValue());
                }
            }
        }
        return -1;
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long documentCount() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public long sizeOnDisk() {
        try (var files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public EngineResults search(EngineQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return new LuceneSearch(queries, snippets).run(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
