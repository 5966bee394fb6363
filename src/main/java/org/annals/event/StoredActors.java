package org.annals.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The actors a claim names, as {@code event_claim.actors} holds them: {@code entityId:ROLE} pairs joined by ';'
 * (UUIDs and role names hold neither character). Read and written with the claim, never queried on their own;
 * the exports read the column directly, so the one encoding lives here.
 */
public final class StoredActors {

    private StoredActors() {
    }

    public static String write(List<EventActor> actors) {
        return actors.stream().map(a -> a.entityId() + ":" + a.role().name()).collect(Collectors.joining(";"));
    }

    public static List<EventActor> read(String stored) {
        var actors = new ArrayList<EventActor>();
        for (String pair : stored.split(";")) {
            int colon = pair.indexOf(':');
            actors.add(new EventActor(UUID.fromString(pair.substring(0, colon)),
                    ActorRole.valueOf(pair.substring(colon + 1))));
        }
        return actors;
    }
}
