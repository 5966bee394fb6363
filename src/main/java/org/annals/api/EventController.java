package org.annals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.Evidence;
import org.annals.base.InvalidInputException;
import org.annals.event.EventRecordType;
import org.annals.event.EventSearch;
import org.annals.event.EventService;
import org.annals.event.TimelineEntry;
import org.annals.event.TimelineFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/projects/{projectId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "The vetted timeline")
class EventController {

    private final EventService events;
    private final AnnotationService annotations;
    private final EventSearch search;

    EventController(EventService events, AnnotationService annotations, EventSearch search) {
        this.search = search;
        this.events = events;
        this.annotations = annotations;
    }

    @GetMapping
    @Operation(summary = "The vetted timeline, oldest first, filtered as the timeline page filters",
            description = "Needs any role in the project.")
    ApiPage<TimelineEntry> timeline(@PathVariable UUID projectId,
            @Parameter(description = "Events on or after this day (YYYY-MM-DD)") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "Events on or before this day (YYYY-MM-DD)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "Event type or sub-type id") @RequestParam(required = false) @Nullable UUID type,
            @Parameter(description = "Entity id of an actor") @RequestParam(required = false) @Nullable UUID actor,
            @Parameter(description = "Entity id of the place") @RequestParam(required = false) @Nullable UUID place,
            @Parameter(description = "Text in the title or notes") @RequestParam(defaultValue = "") String text,
            @Parameter(description = "Only events whose sources disagree on some field (date, place, type, actors or"
                    + " casualties)") @RequestParam(defaultValue = "false") boolean contested,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        TimelineFilter filter = new TimelineFilter(day("from", from), day("to", to), type, actor, place, text,
                contested);
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("'from' (" + filter.from() + ") is after 'to' (" + filter.to() + ").");
        }
        return new ApiPage<>(events.timeline(projectId, filter, page, size), page, size, events.count(projectId, filter));
    }

    @GetMapping("/search")
    @Operation(summary = "Find an event to link: by words, dates, places and actors, best first",
            description = "The query as the link search of the annotation dialog reads it: dates (\"1 Dec\","
                    + " \"2024-12-01\", \"1/12/2024\", \"December 2024\", \"2024\", Arabic month names), names"
                    + " and aliases of places and actors, and words of the title or notes; every term must match."
                    + " Events of the dates that 'selection' mentions come first; at most the 100 best, in pages."
                    + " Needs any role in the project.")
    ApiPage<TimelineEntry> search(@PathVariable UUID projectId,
            @Parameter(description = "What to look for, e.g. 'Aleppo 30 Nov'") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "The passage being linked: its dates rank events first")
            @RequestParam(required = false) @Nullable String selection,
            @Parameter(description = "The year for days named without one (e.g. the source's published year)")
            @RequestParam(required = false) @Nullable Integer year,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = "20") int size) {
        ApiPage.check(page, size);
        if (year != null && (year < 1 || year > 9999)) {
            throw new InvalidInputException("'year' must be between 1 and 9999.");
        }
        var context = new EventSearch.Context(selection, year == null ? null : LocalDate.of(year, 1, 1));
        return ApiPage.slice(search.search(projectId, q, context, EventSearch.MAX_RESULTS), page, size);
    }

    @GetMapping("/{eventId}")
    @Operation(summary = "One vetted event with its current version",
            description = "The id of a duplicate merged into another event answers with the surviving event."
                    + " 'values.claims' lists what each source says about its date, place, type, actors and"
                    + " casualties (each with its source, its quote's annotation id and whether it is preferred);"
                    + " 'casualties' the casualty figures, 'disputes' the fields the sources disagree on."
                    + " Needs any role in the project.")
    TimelineEntry get(@PathVariable UUID projectId, @PathVariable UUID eventId) {
        return events.get(projectId, eventId);
    }

    @GetMapping("/{eventId}/evidence")
    @Operation(summary = "The vetted annotations linked to an event, across all sources",
            description = "Needs any role in the project.")
    ApiPage<Evidence> evidence(@PathVariable UUID projectId, @PathVariable UUID eventId,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Items per page, 1–500") @RequestParam(defaultValue = ApiPage.DEFAULT_SIZE) int size) {
        ApiPage.check(page, size);
        UUID id = events.get(projectId, eventId).id();
        return ApiPage.slice(annotations.evidence(projectId, EventRecordType.KIND, id), page, size);
    }

    /** A strict calendar day: 2024-02-30 is refused, not rolled over to March. */
    static @Nullable LocalDate day(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + parameter + "' must be a day that exists, written YYYY-MM-DD;"
                    + " '" + value.strip() + "' is not.");
        }
    }
}
