package org.annals.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the indexer reads documents through: {@link SearchDocuments} in the application (see
 * {@link #of(SearchDocuments)}), a stand-in in the lifecycle tests, so that they test keeping the index
 * rather than how documents are built.
 */
interface DocumentReader {

    List<SearchDocument> load(DocumentGroup group);

    /** The documents of each group, in the order given; a rebuild reads a batch at a time. */
    default Map<DocumentGroup, List<SearchDocument>> loadAll(List<DocumentGroup> groups) {
        var all = new LinkedHashMap<DocumentGroup, List<SearchDocument>>();
        groups.forEach(group -> all.put(group, load(group)));
        return all;
    }

    List<DocumentGroup> dependents(DocumentGroup group);

    void forEachGroup(Consumer<DocumentGroup> each);

    static DocumentReader of(SearchDocuments documents) {
        return new DocumentReader() {
            @Override
            public List<SearchDocument> load(DocumentGroup group) {
                return documents.load(group);
            }

            @Override
            public Map<DocumentGroup, List<SearchDocument>> loadAll(List<DocumentGroup> groups) {
                // A few queries per batch rather than per group: about five times faster on PostgreSQL.
                return documents.loadAll(groups);
            }

            @Override
            public List<DocumentGroup> dependents(DocumentGroup group) {
                return documents.dependents(group);
            }

            @Override
            public void forEachGroup(Consumer<DocumentGroup> each) {
                documents.forEachGroup(each);
            }
        };
    }
}
