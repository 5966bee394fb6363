package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.annals.entity.EntityKind;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.prefill.Suggestions.Candidate;
import org.annals.event.prefill.Suggestions.Found;
import org.annals.event.prefill.Suggestions.NameMatch;
import org.annals.event.prefill.Suggestions.Span;
import org.annals.suggest.DateRecogniser;
import org.annals.suggest.FigureRecogniser;
import org.annals.suggest.RegistryMatcher;
import org.annals.suggest.Suggestion;
import org.annals.suggest.Suggestion.DateValue;
import org.annals.suggest.Suggestion.Figure;
import org.jspecify.annotations.Nullable;

/**
 * Reads a selected passage for what an event form can take from it: the dates it gives, the registry's
 * places and actors it names, and the casualty figures it reports, each with the words it came from. Dates and
 * figures are read by the same recognisers as the editor's suggestions ({@link DateRecogniser},
 * {@link FigureRecogniser}), so a form and the text never disagree. Pure: the registry and the source come in as
 * values, so every case is a plain unit test.
 */
public final class EventPrefill {

    private EventPrefill() {
    }

    /**
     * The passage read against the registry as the editor's suggestions match it ({@link RegistryMatcher}), so
     * the form and the text agree on every name (issue 18).
     */
    public static Suggestions read(String passage, SourceContext source, RegistryMatcher registry) {
        List<Found<DateValue>> dates = dates(passage, source);
        var places = new ArrayList<NameMatch>();
        var actors = new ArrayList<NameMatch>();
        for (NameMatch match : names(passage, registry)) {
            var placeCandidates = match.candidates().stream().filter(c -> c.kind() == EntityKind.PLACE).toList();
            var actorCandidates = match.candidates().stream().filter(c -> c.kind() != EntityKind.PLACE).toList();
            if (!placeCandidates.isEmpty()) {
                places.add(new NameMatch(match.span(), placeCandidates));
            }
            if (!actorCandidates.isEmpty()) {
                actors.add(new NameMatch(match.span(), actorCandidates));
            }
        }
        List<Found<EventClaim>> casualties = FigureRecogniser.read(passage).stream()
                .map(s -> new Found<>(EventClaim.casualties(null, ((Figure) s.value()).casualties(), source.sourceId(),
                        null), span(s)))
                .toList();
        return new Suggestions(dates, places, actors, casualties);
    }

    /** The registry's names in the passage; one record named again later is the same suggestion, so it is listed once. */
    private static List<NameMatch> names(String passage, RegistryMatcher registry) {
        var names = new ArrayList<NameMatch>();
        var seen = new HashSet<UUID>();
        for (RegistryMatcher.Match match : registry.find(passage)) {
            List<Candidate> candidates = match.entries().stream()
                    .map(e -> new Candidate(e.id(), e.kind(), e.name())).toList();
            if (candidates.size() == 1 && !seen.add(candidates.getFirst().id())) {
                continue;
            }
            names.add(new NameMatch(new Span(match.start(), match.end(), passage.substring(match.start(), match.end())),
                    candidates));
        }
        return names;
    }

    /**
     * The claim a quote makes about one field, read from its words, for the person to confirm (decision 0030): a
     * date (the first date or range the quote gives) or a casualty figure (the first it gives), citing the quote's
     * source; empty when the words give none, or for a field that is not read from words. The claim has no id and
     * no quote yet: the annotation that quotes it is made with it.
     */
    public static Optional<EventClaim> readClaim(String quote, SourceContext source, ClaimField field) {
        return switch (field) {
            case DATE -> dates(quote, source).stream().findFirst()
                    .map(d -> EventClaim.date(null, d.value().date(), d.value().endDate(), source.sourceId(), null));
            case CASUALTIES -> FigureRecogniser.read(quote).stream().findFirst()
                    .map(s -> EventClaim.casualties(null, ((Figure) s.value()).casualties(), source.sourceId(), null));
            case PLACE, TYPE, ACTORS -> Optional.empty();
        };
    }

    /**
     * The start (and end) an event form may take from the dates found: the passage's one date, or its one range
     * ("27 November – 5 December 2024"). Several dates are for the person to choose, so nothing is taken.
     */
    public static @Nullable Found<DateValue> onlyDate(Suggestions suggestions) {
        return suggestions.dates().size() == 1 ? suggestions.dates().getFirst() : null;
    }

    /** The place an event form may take: one place named, meaning one record. */
    public static @Nullable NameMatch onlyPlace(Suggestions suggestions) {
        return suggestions.places().size() == 1 && !suggestions.places().getFirst().ambiguous()
                ? suggestions.places().getFirst() : null;
    }

    private static List<Found<DateValue>> dates(String passage, SourceContext source) {
        return DateRecogniser.read(passage, source.publishedOn()).stream()
                .map(s -> new Found<>((DateValue) s.value(), span(s))).toList();
    }

    private static Span span(Suggestion suggestion) {
        return new Span(suggestion.start(), suggestion.end(), suggestion.text());
    }
}
