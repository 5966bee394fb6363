package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.search.Audience;
import org.annals.search.SearchDocument;
import org.annals.search.SearchHit;
import org.annals.search.SearchKind;
import org.annals.search.SearchRequest;
import org.annals.search.SearchResults;
import org.annals.search.SearchService;
import org.annals.search.Snippet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Search", description = "Every word of the sources, annotations, records and comments a member may see")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Schema(description = "One page of search results, best first (newer first among equals)")
    record SearchPage(List<Hit> items, int page, int size,
            @Schema(description = "How many results match: exact when totalIsExact, else at least this many (each"
                    + " kind is counted up to 10,000; with counts=false, only up to one beyond this page)") long total,
            boolean totalIsExact,
            @Schema(description = "How many results of each kind match, whatever kinds were asked for (each up to"
                    + " 10,000); empty with counts=false") Map<SearchKind, Long> perKind,
            @Schema(description = "Exact search found little, so words spelled slightly differently were matched too")
            boolean fuzzy,
            @Schema(description = "How the query was read where it was not taken literally") List<String> notices) {
    }

    @Schema(description = "One result: what it is, who may see it, where it is, and its words in context")
    record Hit(SearchKind kind,
            @Schema(description = "MEMBERS: vetted; EDITORS: a proposal waiting for review; OWNER: in your own draft")
            Audience audience, String recordKind, UUID recordId, @Nullable UUID changesetId, @Nullable UUID sourceId,
            String title, @Nullable String section, @Nullable String subtype,
            @Schema(description = "For passages and annotations: UTF-16 offsets in the source's text; else -1")
            int start, int end, @Nullable LocalDate from, @Nullable LocalDate to,
            @Schema(description = "The words in context; parts with match true are the words found")
            List<Snippet.Part> snippet, Instant updated,
            @Schema(description = "Relevance: higher is better, comparable within one search only; null when the"
                    + " engine ranked without scores") @Nullable Float score) {

        static Hit of(SearchHit hit) {
            SearchDocument d = hit.document();
            return new Hit(d.kind(), d.audience(), d.record().kind(), d.record().id(), d.changesetId(), d.sourceId(),
                    d.title(), d.section(), d.subtype(), d.start(), d.end(), d.from(), d.to(), hit.snippet().parts(),
                    d.updated(), Float.isFinite(hit.score()) ? hit.score() : null);
        }
    }

    @GetMapping
    @Operation(summary = "Search a project",
            description = "Words, \"exact phrases\", prefix*, -exclusion and OR, as in the web app's search box;"
                    + " diacritics, case and Arabic letter forms do not matter. What you see follows the pages:"
                    + " vetted data for every member, proposals waiting for review for editors and up, your own"
                    + " drafts for you alone. Needs any role in the project.")
    SearchPage search(@PathVariable UUID projectId,
            @Parameter(description = "What to look for") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "Kinds wanted, comma-separated: passage, source, event, entity, annotation,"
                    + " comment (default: all)") @RequestParam(required = false) @Nullable List<String> kind,
            @Parameter(description = "Only what belongs to this source (its passages, metadata and annotations)")
            @RequestParam(required = false) @Nullable UUID source,
            @Parameter(description = "Annotation types or entity kinds, comma-separated (e.g. EVENT_MENTION, PLACE)")
            @RequestParam(required = false) @Nullable List<String> type,
            @Parameter(description = "Only what is dated on or after this day (YYYY-MM-DD)")
            @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Only what is dated on or before this day (YYYY-MM-DD)")
            @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "Page, from 0 (at most " + SearchRequest.MAX_PAGE + " pages are served)")
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Results per page, 1–" + SearchRequest.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "Count the results of each kind (the default). Counting costs more than the"
                    + " page on large projects: false answers sooner, with a total that only says whether there is"
                    + " a next page") @RequestParam(defaultValue = "true") boolean counts) {
        if (page < 0) {
            throw new InvalidInputException("'page' counts from 0; " + page + " is not a page.");
        }
        if (page >= SearchRequest.MAX_PAGE) {
            throw new InvalidInputException("'page' goes up to " + (SearchRequest.MAX_PAGE - 1) + ": deeper pages of"
                    + " search results are not served; narrow the search with words or filters instead.");
        }
        if (size < 1 || size > SearchRequest.MAX_PAGE_SIZE) {
            throw new InvalidInputException("'size' must be between 1 and " + SearchRequest.MAX_PAGE_SIZE + "; it was "
                    + size + ".");
        }
        LocalDate fromDay = EventController.day("from", from);
        LocalDate toDay = EventController.day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new InvalidInputException("'from' (" + fromDay + ") is after 'to' (" + toDay + ").");
        }
        var request = new SearchRequest(projectId, q, kinds(kind), source, types(type), fromDay, toDay, page, size);
        SearchResults results = search.search(request);
        if (counts) {
            results = search.count(request, results);
        }
        Map<SearchKind, Long> perKind = new EnumMap<>(SearchKind.class);
        perKind.putAll(results.perKind());
        return new SearchPage(results.hits().stream().map(Hit::of).toList(), page, size, results.total(),
                results.totalIsExact(), perKind,
                results.fuzzy(), results.notices());
    }

    private static Set<SearchKind> kinds(@Nullable List<String> names) {
        var kinds = new LinkedHashSet<SearchKind>();
        for (String name : names == null ? List.<String>of() : names) {
            if (name.isBlank()) {
                continue;
            }
            try {
                kinds.add(SearchKind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("'kind' must be among passage, source, event, entity, annotation and"
                        + " comment; '" + name.strip() + "' is not.");
            }
        }
        return kinds;
    }

    private static Set<String> types(@Nullable List<String> names) {
        var types = new LinkedHashSet<String>();
        for (String name : names == null ? List.<String>of() : names) {
            if (!name.isBlank()) {
                types.add(name.strip().toUpperCase(Locale.ROOT));
            }
        }
        return types;
    }
}
