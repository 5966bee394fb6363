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
import org.annals.search.KindCounts;
import org.annals.search.SearchDocument;
import org.annals.search.SearchEngine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
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
    /**
     * Commit data: how the documents are indexed. An index of another format is treated as empty (position
     * -1), so the indexer rebuilds it: raise this when fields or analysis change. 2: pairs of words for
     * phrases, one range field for dates. 3: segments sorted by kind.
     */
    static final String FORMAT = "annals.index.format";
    static final String CURRENT_FORMAT = "3";

    private final Path folder;
    private final boolean temporary;
    private boolean recovered;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Recent counts: paging through results, or coming back to them, asks for the same counts again. */
    private final RecentCounts counts = new RecentCounts();
    private final LuceneQueries queries;
    private final LuceneSnippets snippets = new LuceneSnippets();

    public LuceneSearchEngine(Path folder) {
        this(folder, false);
    }

    /**
     * Opens the index in the folder, or makes a new one. An index that cannot be opened (damaged files,
     * garbage, a format of another version) is moved aside to a sibling folder and a new, empty one made:
     * the index is derived data, and an empty index is rebuilt from the database. {@code temporary}: the
     * folder is deleted on {@link #close()} (tests).
     */
    public LuceneSearchEngine(Path folder, boolean temporary) {
        this.folder = folder;
        this.temporary = temporary;
        Analyzer folding = SearchAnalyzers.folding();
        this.queries = new LuceneQueries(folding, SearchAnalyzers.stemming());
        Opened opened;
        try {
            opened = open(folder);
        } catch (LockObtainFailedException inUse) {
            throw new UncheckedIOException("The search index in " + folder
                    + " is in use by another process: give each node its own annals.search.directory", inUse);
        } catch (IOException | RuntimeException damaged) {
            Path aside = folder.resolveSibling(folder.getFileName() + ".damaged-" + System.currentTimeMillis());
            log.error("The search index in {} could not be opened ({}); it is moved to {} and rebuilt from the database",
                    folder, damaged.toString(), aside);
            try {
                Files.move(folder, aside);
                opened = open(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("No search index could be made in " + folder, e);
            }
            this.recovered = true;
        }
        this.directory = opened.directory();
        this.writer = opened.writer();
        this.searchers = opened.searchers();
        log.info("Search index in {}: {} documents, feed position {}", folder, documentCount(), position());
    }

    private record Opened(Directory directory, IndexWriter writer, SearcherManager searchers) {
    }

    private static Opened open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Directory directory = FSDirectory.open(folder);
        try {
            var config = new IndexWriterConfig(SearchAnalyzers.perField())
                    .setOpenMode(ofCurrentFormat(directory) ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                            : IndexWriterConfig.OpenMode.CREATE)
                    .setIndexSort(LuceneFields.INDEX_SORT);
            IndexWriter writer = new IndexWriter(directory, config);
            try {
                // Reading every segment's metadata now finds most damage here rather than in a search.
                SearcherManager searchers = new SearcherManager(writer, null);
                return new Opened(directory, writer, searchers);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Whether the folder holds no index or one of the current format. An index of an older format is started
     * afresh rather than opened: its segments may be sorted otherwise (Lucene refuses to change a sort), and
     * the indexer rebuilds it from the database anyway.
     */
    private static boolean ofCurrentFormat(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return true;
        }
        return CURRENT_FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT));
    }

    /** Whether the index found on opening was damaged and replaced by an empty one. */
    public boolean recovered() {
        return recovered;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void replace(DocumentGroup group, List<SearchDocument> documents) {
        try {
            if (group.type() == DocumentGroup.Type.PROJECT) {
                writer.deleteDocuments(new Term(LuceneFields.PROJECT, group.id().toString()));
                return;
            }
            Term key = new Term(LuceneFields.GROUP, group.key());
            if (documents.isEmpty()) {
                // (updateDocuments with no documents upsets the writer's memory accounting: Lucene 10.6 asserts)
                writer.deleteDocuments(key);
            } else {
                // Searches see the writer's changes only as of a commit, so the group's old documents and its
                // new ones are never seen together, nor neither. (Not updateDocuments: it adds a block that
                // stays together in the index's sort, which would put a source's passages among the sources.)
                writer.deleteDocuments(key);
                for (SearchDocument document : documents) {
                    writer.addDocument(LuceneFields.toLucene(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void commit(long position) {
        String database = databaseId();
        commit(position, database == null ? "" : database);
    }

    @Override
    public synchronized void commit(long position, String databaseId) {
        try {
            writer.setLiveCommitData(Map.of(POSITION, Long.toString(position), DATABASE, databaseId, FORMAT,
                    CURRENT_FORMAT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public @Nullable String databaseId() {
        String id = commitData(DATABASE);
        return id == null || id.isEmpty() ? null : id;
    }

    /** Commit data: the id of the database the index was built from. */
    static final String DATABASE = "annals.feed.database";

    private @Nullable String commitData(String key) {
        var data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (key.equals(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public long position() {
        if (!CURRENT_FORMAT.equals(commitData(FORMAT))) {
            return -1;
        }
        String position = commitData(POSITION);
        return position == null ? -1 : Long.parseLong(position);
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What searches see (as of the last commit); read from a searcher, never from the writer while it writes. */
    @Override
    public long documentCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long sizeOnDisk() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (IOException goneMeanwhile) {
                    // merged away between listing and measuring
                }
            }
            return bytes;
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
    public KindCounts count(EngineQuery query) {
        EngineQuery unpaged = query.unpaged();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Object generation = searcher.getIndexReader().getReaderCacheHelper().getKey();
                KindCounts cached = counts.get(generation, unpaged);
                if (cached != null) {
                    return cached;
                }
                KindCounts counted = new LuceneSearch(queries, snippets).count(searcher, unpaged);
                if (!counted.partial()) {
                    counts.put(generation, unpaged, counted);
                }
                return counted;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            if (temporary) {
                deleteFolder();
            }
        }
    }

    /** Removes the folder of a temporary index (tests), so that test runs leave no indexes behind. */
    private void deleteFolder() throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var all = Files.walk(folder)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
