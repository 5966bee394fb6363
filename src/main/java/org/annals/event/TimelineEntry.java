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
 */
public record TimelineEntry(UUID id, long version, String title, PartialDate start, @Nullable PartialDate end,
        String typeName, @Nullable String subTypeName, @Nullable UUID placeId, @Nullable String placeName,
        List<Actor> actors, List<FatalityClaim> fatalities, int sourceCount, boolean sourcesDisagree,
        @Nullable UUID parentId, EventPayload values, Map<UUID, String> claimSources) {

    public TimelineEntry {
        claimSources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claimSources));
    }

    public record Actor(UUID entityId, String name, ActorRole role) {
    }

    /** "12", or "12–40" over all claims; empty without claims. */
    public String fatalitiesDisplay() {
        if (fatalities.isEmpty()) {
            return "";
        }
        int low = fatalities.stream().mapToInt(FatalityClaim::minimum).min().orElse(0);
        int high = fatalities.stream().mapToInt(FatalityClaim::maximum).max().orElse(0);
        return low == high ? Integer.toString(low) : low + "–" + high;
    }
}
