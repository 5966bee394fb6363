package org.annals.review.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.annals.review.WorkingDraftService;

/**
 * Where a record kind's draft items can be seen: the record's page, or the passage of a source. Features
 * that plug a record kind into the engine provide one as a Spring bean, so that "My draft" links every
 * item without knowing the kinds.
 */
public interface RecordLinks {

    String kind();

    /**
     * Links for these items of the kind (all from one page of the list, so a feature can name them in one
     * query); an item without a page to show (a record that exists only in the draft) has none.
     */
    Map<UUID, Link> links(UUID projectId, List<WorkingDraftService.DraftItem> items);

    /** An address inside the application and the words it is shown with. */
    record Link(String path, String text) {
    }
}
