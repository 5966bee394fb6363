package org.annals.search;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A search as a page or the API asks for it: the words as typed, the filters, and the page wanted.
 *
 * @param text the words in the query language ({@link QuerySyntax})
 * @param kinds the kinds wanted; empty means all
 * @param sourceId only what belongs to this source (its passages, metadata and annotations)
 * @param subtypes annotation types or entity kinds (enum names); empty means all
 * @param from,to only what is dated within this range (either may be open)
 * @param page 0-based
 * @param pageSize 1 to {@link #MAX_PAGE_SIZE}
 */
public record SearchRequest(UUID projectId, String text, Set<SearchKind> kinds, @Nullable UUID sourceId,
        Set<String> subtypes, @Nullable LocalDate from, @Nullable LocalDate to, int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Pages beyond this are not served: nobody reads them, and deep pages cost the engine the most. */
    public static final int MAX_PAGE = 50;

    public SearchRequest {
        kinds = Set.copyOf(kinds);
        subtypes = Set.copyOf(subtypes);
    }

    /** All kinds, no filters, the first page. */
    public static SearchRequest of(UUID projectId, String text) {
        return new SearchRequest(projectId, text, Set.of(), null, Set.of(), null, null, 0, DEFAULT_PAGE_SIZE);
    }
}
