package org.annals.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The port between search and the engine that holds the index. Everything crossing it is engine-neutral:
 * documents built from the database go in whole, queries come as parsed words plus filters and the
 * viewer's rights, hits come back as documents. The shipped engine is an embedded Lucene index per node
 * ({@code search.lucene}); decision 0027 describes an OpenSearch engine shared by all nodes.
 * <p>
 * The engine remembers how far in the database's change feed it has applied ({@link #position()}),
 * atomically with the documents, so that after a crash it resumes where its last commit left it.
 */
public interface SearchEngine {

    /**
     * Replaces every document of the group with {@code documents} (none: the group is removed). For a
     * {@link DocumentGroup.Type#PROJECT} group, removes every document of the project. Visible to searches
     * after the next {@link #commit}.
     */
    void replace(DocumentGroup group, List<SearchDocument> documents);

    /** Makes what was replaced durable and searchable, and records that the feed is applied up to {@code position}. */
    void commit(long position);

    /**
     * As {@link #commit(long)}, and records which database the index was built from (see
     * {@link #databaseId()}).
     */
    void commit(long position, String databaseId);

    /** How far in the change feed the index is, as of its last commit; -1 when the index is empty or new. */
    long position();

    /**
     * The id of the database the index was built from, as of its last commit; null when it never said.
     * An index built from another database (or restored beside it) is rebuilt.
     */
    @Nullable String databaseId();

    /** Removes every document: before a rebuild. */
    void clear();

    /** How many documents the index holds. */
    long documentCount();

    /** Bytes the index takes on disk (0 when it is not on disk). */
    long sizeOnDisk();

    /** One page of hits for the query, filtered by what its viewer may see. */
    EngineResults search(EngineQuery query);

    /**
     * How many documents match the query, per kind (the page asked for does not matter), filtered by what its
     * viewer may see. Costs more than {@link #search} at scale, so a results page shows the hits first and
     * the counts when they come; an engine may keep recent counts until its index changes.
     */
    KindCounts count(EngineQuery query);
}
