package org.annals.search.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.search.SearchKind;
import org.annals.search.SearchRequest;
import org.jspecify.annotations.Nullable;

/**
 * A search as the results page's address holds it, so that results can be bookmarked and Back works:
 * {@code q}, {@code kind} (comma-separated, e.g. {@code passage,event}), {@code source}, {@code type}
 * (annotation types or entity kinds, comma-separated), {@code from}, {@code to} (YYYY-MM-DD) and
 * {@code page} (from 1, as people count).
 */
record SearchAddress(String words, Set<SearchKind> kinds, @Nullable UUID sourceId, Set<String> types,
        @Nullable LocalDate from, @Nullable LocalDate to, int page) {

    static final String Q = SearchLinks.WORDS;
    static final String KIND = "kind";
    static final String SOURCE = "source";
    static final String TYPE = "type";
    static final String FROM = "from";
    static final String TO = "to";
    static final String PAGE = "page";

    SearchAddress {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        types = Set.copyOf(types);
    }

    static SearchAddress of(String words) {
        return new SearchAddress(words, Set.of(), null, Set.of(), null, null, 1);
    }

    /**
     * Reads the address; a part that cannot be read (a kind that does not exist, a day that does not) is
     * refused with a message naming it, which the page shows next to the search field.
     */
    static SearchAddress read(QueryParameters parameters) {
        String words = single(parameters, Q).orElse("");
        var kinds = new LinkedHashSet<SearchKind>();
        for (String kind : list(parameters, KIND)) {
            try {
                kinds.add(SearchKind.valueOf(kind.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("There is no kind of result called '" + kind + "'.");
            }
        }
        UUID source = single(parameters, SOURCE).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("The source in the address ('" + text + "') is not a source id.");
            }
        }).orElse(null);
        var types = new LinkedHashSet<String>();
        list(parameters, TYPE).forEach(t -> types.add(t.toUpperCase(Locale.ROOT)));
        int page = single(parameters, PAGE).map(text -> {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("The page in the address ('" + text + "') is not a number.");
            }
        }).orElse(1);
        if (page < 1 || page > SearchRequest.MAX_PAGE) {
            throw new InvalidInputException("Pages go from 1 to " + SearchRequest.MAX_PAGE + ".");
        }
        return new SearchAddress(words, kinds, source, types, day(parameters, FROM), day(parameters, TO), page);
    }

    SearchRequest request(UUID projectId) {
        return new SearchRequest(projectId, words, kinds, sourceId, types, from, to, page - 1,
                SearchRequest.DEFAULT_PAGE_SIZE);
    }

    QueryParameters parameters() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(Q, words);
        if (!kinds.isEmpty()) {
            query.put(KIND, String.join(",", kinds.stream().sorted().map(k -> k.name().toLowerCase(Locale.ROOT)).toList()));
        }
        if (sourceId != null) {
            query.put(SOURCE, sourceId.toString());
        }
        if (!types.isEmpty()) {
            query.put(TYPE, String.join(",", types.stream().sorted().map(t -> t.toLowerCase(Locale.ROOT)).toList()));
        }
        if (from != null) {
            query.put(FROM, from.toString());
        }
        if (to != null) {
            query.put(TO, to.toString());
        }
        if (page > 1) {
            query.put(PAGE, Integer.toString(page));
        }
        return QueryParameters.simple(query);
    }

    /** The address of this search on the project's results page. */
    String location(UUID projectId) {
        return SearchView.path(projectId) + "?" + parameters().getQueryString();
    }

    boolean filtered() {
        return !kinds.isEmpty() || sourceId != null || !types.isEmpty() || from != null || to != null;
    }

    SearchAddress withWords(String newWords) {
        return new SearchAddress(newWords, kinds, sourceId, types, from, to, 1);
    }

    SearchAddress toggling(SearchKind kind) {
        var changed = kinds.isEmpty() ? EnumSet.noneOf(SearchKind.class) : EnumSet.copyOf(kinds);
        if (!changed.remove(kind)) {
            changed.add(kind);
        }
        return new SearchAddress(words, changed, sourceId, types, from, to, 1);
    }

    SearchAddress withoutSource() {
        return new SearchAddress(words, kinds, null, types, from, to, 1);
    }

    SearchAddress withoutTypes() {
        return new SearchAddress(words, kinds, sourceId, Set.of(), from, to, 1);
    }

    SearchAddress withDates(@Nullable LocalDate newFrom, @Nullable LocalDate newTo) {
        return new SearchAddress(words, kinds, sourceId, types, newFrom, newTo, 1);
    }

    SearchAddress withoutFilters() {
        return of(words);
    }

    SearchAddress atPage(int newPage) {
        return new SearchAddress(words, kinds, sourceId, types, from, to, newPage);
    }

    private static java.util.Optional<String> single(QueryParameters parameters, String name) {
        return parameters.getSingleParameter(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static List<String> list(QueryParameters parameters, String name) {
        var values = new ArrayList<String>();
        for (String value : parameters.getParameters(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static @Nullable LocalDate day(QueryParameters parameters, String name) {
        return single(parameters, name).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("'" + name + "' in the address must be a day written YYYY-MM-DD; '"
                        + text + "' is not.");
            }
        }).orElse(null);
    }
}
