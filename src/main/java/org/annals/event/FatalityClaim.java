package org.annals.event;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fatality figure as events stored it before claims (decision 0030): read from changesets and revisions of
 * that time (and from API clients written then), and turned into a casualty claim of the killed. Nothing stores
 * or produces it any more.
 */
public record FatalityClaim(int minimum, int maximum, @Nullable UUID sourceId, @Nullable String note) {

    /** The casualty claim it stands for: killed, of everyone, exactly this number or range. */
    public EventClaim asClaim() {
        return EventClaim.casualties(null, new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, minimum,
                maximum, CountQualifier.EXACTLY), sourceId, null).noted(note);
    }
}
