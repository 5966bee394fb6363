package org.annals.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How Annals writes a moment for people: "6 Dec 2026, 07:29 UTC". Never the raw ISO form, which is
 * for files and the API. Pages show moments in the viewer's time zone (see
 * {@code org.annals.base.ui.Moments}); text that is stored, such as a revert's message, uses UTC so that
 * it reads the same for everyone.
 */
public final class Timestamps {

    // English like the rest of the interface; the zone is always named, so no reader has to guess it.
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** UTC as a named zone, so that the pattern writes "UTC" (an offset would write "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private Timestamps() {
    }

    /** The moment in UTC. */
    public static String utc(Instant at) {
        return in(at, UTC);
    }

    /** The moment in the given zone, with the zone's short name. */
    public static String in(Instant at, ZoneId zone) {
        return MOMENT.withZone(zone).format(at);
    }

    /** Only the day, in the given zone (for lists where the time of day does not matter). */
    public static String day(Instant at, ZoneId zone) {
        return DAY.withZone(zone).format(at);
    }
}
