package org.annals.collab;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders what this node's bus delivers against what a page reads. Every event gets the next number when it is
 * handed to this node's subscribers (for a change made here: on the committing thread, right after the commit;
 * from another node: when it arrives), and a delivery says the highest number in its batch. A page that reads
 * everything after {@link #now()} returned {@code n} has seen every change whose event has a number up to
 * {@code n}: a later delivery of such events need not make it read again (see {@code LiveRefresh.covered}).
 */
public final class PublishClock {

    /** A delivery whose numbers are unknown (events may have been missed): never covered by any read. */
    public static final long UNKNOWN = Long.MAX_VALUE;

    private static final AtomicLong LAST = new AtomicLong();
    private static final ThreadLocal<Long> DELIVERING = new ThreadLocal<>();

    private PublishClock() {
    }

    /** The number of the last event handed to subscribers on this node. */
    public static long now() {
        return LAST.get();
    }

    /** On a listener's thread while it is told of a batch: the highest number in it; else {@link #UNKNOWN}. */
    public static long ofDelivery() {
        Long upTo = DELIVERING.get();
        return upTo == null ? UNKNOWN : upTo;
    }

    static long next() {
        return LAST.incrementAndGet();
    }

    static void delivering(long upTo, Runnable delivery) {
        DELIVERING.set(upTo);
        try {
            delivery.run();
        } finally {
            DELIVERING.remove();
        }
    }
}
