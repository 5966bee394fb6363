package org.annals.search;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Builds documents from the database's current state: what the index holds is always derived from
 * here, never from what a service passed along.
 */
@Component
public class SearchDocuments {

    /** The documents of the group as the database has it now; none when the thing is gone or not searchable. */
    public List<SearchDocument> load(DocumentGroup group) {
        return List.of();
    }

    /**
     * The groups whose documents carry something of this group (an entity's name in its events and
     * annotations): applied with it. Placeholder until the documents are built here (helper sdocs): it
     * keeps this exact signature, and the indexer already calls it.
     */
    public List<DocumentGroup> dependents(DocumentGroup group) {
        return List.of();
    }

    /** Every group of every project, for a full rebuild, in batches that keep memory flat. */
    public void forEachGroup(Consumer<DocumentGroup> each) {
    }
}
