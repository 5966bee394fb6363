/**
 * Search: every word of every source, annotation, record and comment a member may see, in any script.
 * <p>
 * The feature has one small port, {@link org.annals.search.SearchEngine}: engine-neutral
 * {@link org.annals.search.SearchDocument}s go in, an {@link org.annals.search.EngineQuery} (the
 * person's words as a parsed {@link org.annals.search.UserQuery}, filters and who is asking) comes out
 * as hits. The engine shipped is Apache Lucene embedded under the data folder
 * ({@link org.annals.search.lucene}); decision 0027 says how an OpenSearch backend would take its place.
 * <p>
 * The index is derived data. Services record what they changed in the database's ordered change feed
 * in the same transaction; after commit each node applies the feed to its own index, reading the
 * records' current state from the database, and catches up by itself on start. Who may see what is
 * decided at query time with the same rules as the pages ({@link org.annals.search.SearchService}).
 */
@NullMarked
package org.annals.search;

import org.jspecify.annotations.NullMarked;
