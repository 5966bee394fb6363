package org.annals.search;

import org.annals.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The state of this node's search index, and a rebuild from the database: for administrators. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class SearchIndexService {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexService.class);

    private final SearchIndexer indexer;

    SearchIndexService(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    public SearchIndexer.Status status() {
        return indexer.status();
    }

    /** Starts a rebuild in the background; the index stays searchable, filling up, meanwhile. */
    public void rebuild() {
        log.info("'{}' asked for the search index to be rebuilt", CurrentUser.require().getUsername());
        indexer.requestRebuild();
    }
}
