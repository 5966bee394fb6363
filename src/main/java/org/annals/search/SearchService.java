package org.annals.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.project.ProjectAccess;
import org.annals.project.ProjectRole;
import org.annals.review.RecordRef;
import org.annals.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Search for members of a project: what they may see, by the same rules as the pages, decided afresh
 * for every search (vetted data for every member, proposals for editors and up, a draft for its author
 * alone, nothing at all, not even a count, for anyone else).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SearchService {

    /** With fewer exact hits than this on the first page, words with small spelling differences are tried. */
    static final int FEW = 3;

    private final SearchEngine engine;
    private final ProjectAccess access;
    private final SearchIndexer indexer;

    SearchService(SearchEngine engine, ProjectAccess access, SearchIndexer indexer) {
        this.engine = engine;
        this.access = access;
        this.indexer = indexer;
    }

    /**
     * One page of results, counted only as far as it takes to know whether there is a next page: the
     * counts per kind cost more than the page at scale, so a results page shows the hits first and asks
     * {@link #count} for the counts after.
     */
    public SearchResults search(SearchRequest request) {
        ProjectRole role = access.require(request.projectId(), ProjectRole.VIEWER);
        if (request.page() < 0 || request.page() >= SearchRequest.MAX_PAGE) {
            throw new InvalidInputException("Pages go from 1 to " + SearchRequest.MAX_PAGE + ".");
        }
        if (request.pageSize() < 1 || request.pageSize() > SearchRequest.MAX_PAGE_SIZE) {
            throw new InvalidInputException("A page holds 1 to " + SearchRequest.MAX_PAGE_SIZE + " results.");
        }
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw new InvalidInputException("The start of the date range is after its end.");
        }
        UserQuery words = QuerySyntax.read(request.text());
        if (words.isEmpty()) {
            return new SearchResults(0, true, new KindCounts(Map.of(), 0, false), List.of(), request.page(),
                    request.pageSize(), false, words.notices());
        }
        EngineQuery exact = engineQuery(request, words, role, false);
        EngineResults found = engine.search(exact);
        boolean fuzzy = false;
        // on the first page, fewer than FEW hits means fewer than FEW matches: the page holds more than that
        if (found.total() < FEW && request.page() == 0) {
            EngineResults near = engine.search(withFuzzy(exact));
            if (near.total() > found.total()) {
                found = near;
                fuzzy = true;
            }
        }
        List<String> notices = new ArrayList<>(words.notices());
        indexer.notice().ifPresent(notices::add);
        if (fuzzy) {
            notices.add("Few exact matches: words spelled slightly differently are shown too.");
        }
        if (found.partial()) {
            notices.add(TOO_LONG);
        }
        return new SearchResults(found.total(), found.totalIsExact(), null, found.hits(), request.page(),
                request.pageSize(), fuzzy, notices);
    }

    /**
     * The results of {@link #search} with how many match of each kind (whatever kinds were asked for: a
     * results page offers the others as filters), each counted up to {@link KindCounts#LIMIT}. Same
     * visibility as the search; the words are read the same way, fuzzily when the page was.
     */
    public SearchResults count(SearchRequest request, SearchResults page) {
        ProjectRole role = access.require(request.projectId(), ProjectRole.VIEWER);
        if (page.counted()) {
            return page;
        }
        UserQuery words = QuerySyntax.read(request.text());
        KindCounts counted = engine.count(engineQuery(request, words, role, page.fuzzy()));
        SearchResults results = page.with(counted);
        if (counted.partial() && !page.notices().contains(TOO_LONG)) {
            var notices = new ArrayList<>(results.notices());
            notices.add("Counting took too long to finish: there are at least this many results.");
            results = new SearchResults(results.total(), results.totalIsExact(), results.counts(), results.hits(),
                    results.page(), results.pageSize(), results.fuzzy(), notices);
        }
        return results;
    }

    private static final String TOO_LONG =
            "This search took too long to finish: these are the best matches found in time.";

    private static EngineQuery engineQuery(SearchRequest request, UserQuery words, ProjectRole role, boolean fuzzy) {
        return new EngineQuery(words, request.projectId(), CurrentUser.require().userId(),
                role.includes(ProjectRole.EDITOR), request.kinds(), request.sourceId(), request.subtypes(),
                request.from(), request.to(), fuzzy, request.page() * request.pageSize(), request.pageSize());
    }

    /**
     * The records a picker or the link dialog offers for what was typed, best first: the engine's ranking
     * (each word also as the start of a word, since people pick while typing), vetted records before
     * proposals the person may see, each record once. Empty when the engine finds nothing (or the index
     * is still being rebuilt, or the words cannot be searched): the caller then falls back to its own
     * search. Same visibility as {@link #search}.
     *
     * @param subtypes entity kinds or annotation types (enum names); empty means all
     */
    public List<RecordRef> rankRecords(UUID projectId, String typed, SearchKind kind, Set<String> subtypes, int limit) {
        ProjectRole role = access.require(projectId, ProjectRole.VIEWER);
        int size = Math.clamp(limit, 1, SearchRequest.MAX_PAGE_SIZE);
        List<UserQuery.Part> words = new ArrayList<>();
        if (typed.length() <= QuerySyntax.MAX_LENGTH) {
            for (String word : typed.strip().split("\\s+")) {
                if (!word.isBlank()) {
                    words.add(new UserQuery.AnyOf(List.of(new UserQuery.Word(word, false),
                            new UserQuery.Word(word, true))));
                }
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        // Proposals come after every vetted record: ask for more than needed so that vetted ones ranked
        // below a few proposals still make the list.
        var query = new EngineQuery(new UserQuery(words, List.of(), List.of()), projectId,
                CurrentUser.require().userId(), role.includes(ProjectRole.EDITOR), Set.of(kind), null, subtypes, null,
                null, false, 0, Math.min(size * 3, SearchRequest.MAX_PAGE_SIZE));
        var vetted = new LinkedHashSet<RecordRef>();
        var proposed = new LinkedHashSet<RecordRef>();
        for (SearchHit hit : engine.search(query).hits()) {
            (hit.document().audience() == Audience.MEMBERS ? vetted : proposed).add(hit.document().record());
        }
        proposed.removeAll(vetted);
        vetted.addAll(proposed);
        return vetted.stream().limit(size).toList();
    }

    private static EngineQuery withFuzzy(EngineQuery q) {
        return new EngineQuery(q.query(), q.projectId(), q.viewerId(), q.seesProposals(), q.kinds(), q.sourceId(),
                q.subtypes(), q.from(), q.to(), true, q.offset(), q.limit());
    }
}
