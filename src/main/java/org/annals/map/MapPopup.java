package org.annals.map;

import java.util.List;
import java.util.UUID;

/** What a map's popup tells about one event: date, title, type, place, actors and sources (all plain text). */
public record MapPopup(UUID eventId, String date, String title, String type, String place, List<String> actors,
        List<String> sources, String address) {
}
