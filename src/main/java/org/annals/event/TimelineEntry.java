package org.annals.event;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event as the timeline shows it, with names resolved and the sources' agreement summarised.
 *
 * @param sourceCount how many distinct sources support the event: those its vetted evidence quotes and
 *     those its claims cite
 * @param claimSources the titles of the sources the claims cite, by source id
 * @param claimNames the names of the places, actors and types that the claims give, by id
 */
public record TimelineEntry(UUID id, long version, String title, PartialDate start, @Nullable PartialDate end,
        String typeName, @Nullable String subTypeName, @Nullable UUID placeId, @Nullable String placeName,
        List<Actor> actors, List<EventClaim> casualties, int sourceCount, List<EventClaims.Dispute> disputes,
        @Nullable UUID parentId, EventPayload values, Map<UUID, String> claimSources,
        Map<UUID, String> claimNames) {

    public TimelineEntry {
        casualties = List.copyOf(casualties);
        disputes = List.copyOf(disputes);
        claimSources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claimSources));
        claimNames = Map.copyOf(claimNames);
    }

    /** What a claim of this event says, names resolved: "30 November 2024", "Aleppo", "at least 12 killed". */
    public String valueText(EventClaim claim) {
        return EventClaims.valueText(claim, id -> claimNames.getOrDefault(id, "?"), id -> claimNames.getOrDefault(id, "?"));
    }

    /** On what the sources disagree: "date disputed: 30 November 2024 or 1 December 2024"; empty when they agree. */
    public String disputeText() {
        return disputes.stream().map(d -> d.display(this::valueText)).collect(java.util.stream.Collectors.joining("; "));
    }

    /** The title as the band's tooltip gives it, with what the sources disagree on. */
    public String bandTitle() {
        return disputes.isEmpty() ? title : title + " (contested: " + disputeText() + ")";
    }

    public record Actor(UUID entityId, String name, ActorRole role) {
    }

    /** Whether the sources disagree on any field ({@link #disputes} says on what). */
    public boolean sourcesDisagree() {
        return !disputes.isEmpty();
    }

    /**
     * The dead, as the figures of the killed say: "12", or "12–40" over all of them (of everyone, or else of
     * civilians and combatants added up); empty without.
     */
    public String fatalitiesDisplay() {
        // the figures of the killed of everyone; when no source counts everyone, civilians and combatants
        // together (as the exports' fatalities column reads them)
        int[] all = killedRange(CasualtyParty.ALL);
        if (all == null) {
            int[] civilians = killedRange(CasualtyParty.CIVILIANS);
            int[] combatants = killedRange(CasualtyParty.COMBATANTS);
            if (civilians == null && combatants == null) {
                return "";
            }
            all = new int[] {(civilians == null ? 0 : civilians[0]) + (combatants == null ? 0 : combatants[0]),
                    (civilians == null ? 0 : civilians[1]) + (combatants == null ? 0 : combatants[1])};
        }
        return all[0] == all[1] ? Integer.toString(all[0]) : all[0] + "–" + all[1];
    }

    /** The lowest and highest figure of the killed of this party over all claims; null without any. */
    private int @org.jspecify.annotations.Nullable [] killedRange(CasualtyParty party) {
        List<Casualties> killed = casualties.stream().map(EventClaim::casualties)
                .filter(c -> c.category() == CasualtyCategory.KILLED && c.party() == party).toList();
        if (killed.isEmpty()) {
            return null;
        }
        return new int[] {killed.stream().mapToInt(Casualties::minimum).min().orElse(0),
                killed.stream().mapToInt(Casualties::maximum).max().orElse(0)};
    }
}
