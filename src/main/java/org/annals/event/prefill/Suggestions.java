package org.annals.event.prefill;

import java.util.List;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.event.EventClaim;
import org.annals.suggest.Suggestion.DateValue;

/**
 * What a passage says that an event form can take: every value with the words it came from (a date or a range of
 * dates as the date recogniser reads it; casualty figures
 * as claims citing the passage's source, without a quote: the form's event is not linked to one). Empty
 * lists when the text does not say it; a name that fits several records lists them all.
 */
public record Suggestions(List<Found<DateValue>> dates, List<NameMatch> places, List<NameMatch> actors,
        List<Found<EventClaim>> casualties) {

    public Suggestions {
        dates = List.copyOf(dates);
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        casualties = List.copyOf(casualties);
    }

    public static final Suggestions NONE = new Suggestions(List.of(), List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return dates.isEmpty() && places.isEmpty() && actors.isEmpty() && casualties.isEmpty();
    }

    /** Where in the passage a value was read: offsets in the passage, and the words themselves. */
    public record Span(int start, int end, String text) {
    }

    /** A value read from the passage, and where. */
    public record Found<T>(T value, Span span) {
    }

    /** A registry record a name in the passage may mean. */
    public record Candidate(UUID id, EntityKind kind, String name) {
    }

    /** A name in the passage and every record it may mean: one is a match, more are for the person to choose. */
    public record NameMatch(Span span, List<Candidate> candidates) {

        public NameMatch {
            candidates = List.copyOf(candidates);
        }

        public boolean ambiguous() {
            return candidates.size() > 1;
        }
    }
}
