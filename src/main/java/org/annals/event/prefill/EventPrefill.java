package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.annals.entity.EntityKind;
import org.annals.event.ClaimField;
import org.annals.event.EventClaim;
import org.annals.event.PartialDate;
import org.annals.event.prefill.Suggestions.Candidate;
import org.annals.event.prefill.Suggestions.Found;
import org.annals.event.prefill.Suggestions.NameMatch;
import org.annals.event.prefill.Suggestions.Span;
import org.annals.suggest.RegistryEntry;
import org.annals.suggest.RegistryMatcher;
import org.jspecify.annotations.Nullable;

/**
 * Reads a selected passage for what an event form can take from it: the dates it gives, the registry's
 * places and actors it names, and the casualty figures it reports, each with the words it came from. Pure:
 * the registry and the source come in as values, so every case is a plain unit test.
 */
public final class EventPrefill {

    /** Between two dates, words that make them a range: "27 November – 5 December", "from 5 to 8 December". */
    private static final Pattern RANGE = Pattern.compile("\\s*(?:-|–|—|to|until|till|through|and|حتى|الى|إلى|و)\\s*",
            Pattern.CASE_INSENSITIVE);

    private EventPrefill() {
    }

    public static Suggestions read(String passage, SourceContext source, List<RegistryName> registry) {
        return read(passage, source, RegistryMatcher.of(registry.stream()
                .map(r -> new RegistryEntry(r.id(), r.kind(), r.name(), r.aliases(), null, null, true)).toList()));
    }

    /**
     * The passage read against the registry as the editor's suggestions match it ({@link RegistryMatcher}), so
     * the form and the text agree on every name (issue 18).
     */
    public static Suggestions read(String passage, SourceContext source, RegistryMatcher registry) {
        List<Found<PartialDate>> dates = DateReader.read(passage, source.publishedOn());
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
        List<Found<EventClaim>> casualties = CasualtyReader.read(passage).stream()
                .map(f -> new Found<>(EventClaim.casualties(null, f.value(), source.sourceId(), null), f.span()))
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
     * date (the range when the quote gives one, else the first date it gives) or a casualty figure (the first it
     * gives), citing the quote's source; empty when the words give none, or for a field that is not read from
     * words. The claim has no id and no quote yet: the annotation that quotes it is made with it.
     */
    public static Optional<EventClaim> readClaim(String quote, SourceContext source, ClaimField field) {
        return switch (field) {
            case DATE -> {
                List<Found<PartialDate>> dates = DateReader.read(quote, source.publishedOn());
                var range = startAndEnd(quote, dates);
                if (range != null && range.get(0) != null) {
                    Found<PartialDate> end = range.get(1);
                    yield Optional.of(EventClaim.date(null, range.get(0).value(), end == null ? null : end.value(),
                            source.sourceId(), null));
                }
                yield dates.stream().findFirst().map(d -> EventClaim.date(null, d.value(), null, source.sourceId(), null));
            }
            case CASUALTIES -> CasualtyReader.read(quote).stream().findFirst()
                    .map(f -> EventClaim.casualties(null, f.value(), source.sourceId(), null));
            case PLACE, TYPE, ACTORS -> Optional.empty();
        };
    }

    /**
     * The start and end an event form may take from the dates found: one date is the start; two joined
     * as a range ("27 November – 5 December 2024") are start and end. Anything else is for the person
     * to choose, so nothing is taken. The end is null when there is none.
     */
    public static @Nullable List<@Nullable Found<PartialDate>> startAndEnd(String passage, List<Found<PartialDate>> dates) {
        if (dates.size() == 1) {
            return java.util.Arrays.asList(dates.getFirst(), null);
        }
        if (dates.size() == 2) {
            Found<PartialDate> first = dates.get(0);
            Found<PartialDate> second = dates.get(1);
            String between = passage.substring(first.span().end(), second.span().start());
            if (RANGE.matcher(between).matches() && !second.value().lastDay().isBefore(first.value().date())) {
                return java.util.Arrays.asList(first, second);
            }
        }
        return null;
    }

    /** The place an event form may take: one place named, meaning one record. */
    public static @Nullable NameMatch onlyPlace(Suggestions suggestions) {
        return suggestions.places().size() == 1 && !suggestions.places().getFirst().ambiguous()
                ? suggestions.places().getFirst() : null;
    }
}
