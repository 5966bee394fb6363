package org.annals.base.ui;

import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import org.annals.base.Timestamps;

/**
 * Moments as pages show them: in the viewer's time zone when the browser told it (Vaadin collects it
 * when the page starts), otherwise in UTC; always with the zone named. Every page uses this, so the
 * history, the activity feed and the review queue read alike.
 */
public final class Moments {

    private Moments() {
    }

    /** "6 Dec 2026, 08:29 CET". */
    public static String format(Instant at) {
        return Timestamps.in(at, viewerZone());
    }

    /** "6 Dec 2026". */
    public static String day(Instant at) {
        return Timestamps.day(at, viewerZone());
    }

    /** The zone of the browser showing the current page; UTC outside a page or before the browser said. */
    public static ZoneId viewerZone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return Timestamps.UTC;
        }
        String zone = ui.getPage().getExtendedClientDetails().getTimeZoneId();
        if (zone == null || zone.isBlank()) {
            return Timestamps.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return Timestamps.UTC;
        }
    }
}
