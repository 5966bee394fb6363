package org.annals.collab;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A listener that keeps what it receives, for tests. {@link #until} waits for an event (up to a
 * generous limit that only a broken bus reaches) and returns everything received up to it: with a
 * "fence" published after something, that shows what did and did not arrive before it.
 */
public final class Recorder implements CollabListener {

    // Generous: on a loaded two-core machine a notification can take many seconds; a broken bus never arrives.
    private static final long LIMIT_SECONDS = 60;
    private final BlockingQueue<CollabEvent> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> batchSizes = new LinkedBlockingQueue<>();

    @Override
    public void onEvents(List<CollabEvent> batch) {
        batchSizes.add(batch.size());
        received.addAll(batch);
    }

    /** Everything received up to and including the first event that matches. */
    public List<CollabEvent> until(Predicate<CollabEvent> wanted) {
        var seen = new ArrayList<CollabEvent>();
        try {
            while (true) {
                CollabEvent next = received.poll(LIMIT_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    return fail("Nothing matching arrived within " + LIMIT_SECONDS + " s; received " + seen);
                }
                seen.add(next);
                if (wanted.test(next)) {
                    return seen;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    List<CollabEvent> until(CollabEvent wanted) {
        return until(wanted::equals);
    }

    CollabEvent next() {
        return until(e -> true).getFirst();
    }

    /** What has arrived and not been taken yet, without waiting. */
    List<CollabEvent> drain() {
        var rest = new ArrayList<CollabEvent>();
        received.drainTo(rest);
        return rest;
    }

    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    /** A marker event: whatever one node published before it reaches every subscriber before it. */
    static CollabEvent fence(UUID projectId) {
        return new CollabEvent(projectId, CollabEvent.Kind.APPROVED, UUID.randomUUID(), Set.of(), Set.of(), null, false);
    }
}
