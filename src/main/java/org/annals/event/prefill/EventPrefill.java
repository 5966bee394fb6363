package org.annals.event.prefill;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.annals.entity.EntityKind;
import org.annals.event.PartialDate;
import org.annals.event.prefill.Suggestions.Found;
import org.annals.event.prefill.Suggestions.NameMatch;
import org.jspecify.annotations.Nullable;

/**
 * Reads a selected passage for what an event form can take from it: the dates it gives, the registry's
 * places and actors it names, and the death tolls it reports, each with the words it came from. Pure:
 * the registry and the source come in as values, so every case is a plain unit test.
 */
public final class EventPrefill {

    /** Between two dates, words that make them a range: "27 November – 5 December", "from 5 to 8 December". */
    private static final Pattern RANGE = Pattern.compile("\\s*(?:-|–|—|to|until|till|through|and|حتى|الى|إلى|و)\\s*",
            Pattern.CASE_INSENSITIVE);

    private EventPrefill() {
    }

    public static Suggestions read(String passage, SourceContext source, List<RegistryName> registry) {
        List<Found<PartialDate>> dates = DateReader.read(passage, source.publishedOn());
        var places = new ArrayList<NameMatch>();
        var actors = new ArrayList<NameMatch>();
        for (NameMatch match : NameReader.read(passage, registry)) {
            var placeCandidates = match.candidates().stream().filter(c -> c.kind() == EntityKind.PLACE).toList();
            var actorCandidates = match.candidates().stream().filter(c -> c.kind() != EntityKind.PLACE).toList();
            if (!placeCandidates.isEmpty()) {
                places.add(new NameMatch(match.span(), placeCandidates));
            }
            if (!actorCandidates.isEmpty()) {
                actors.add(new NameMatch(match.span(), actorCandidates));
            }
        }
        return new Suggestions(dates, places, actors, CasualtyReader.read(passage, source.sourceId()));
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
