package org.annals.release;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What changed in a release since the one before it: events added, changed and removed. */
public record ReleaseChanges(int number, @Nullable Integer previous, List<Item> added, List<Item> changed,
        List<Item> removed) {

    public record Item(UUID eventId, String title) {
    }
}
