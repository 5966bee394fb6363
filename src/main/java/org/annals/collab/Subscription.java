package org.annals.collab;

/** A listener's registration on the bus; closing it stops deliveries (closing twice is harmless). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();

    /**
     * Takes the events published up to now that were not delivered yet, on the caller's thread: they will not
     * be delivered. For a page that has just changed something itself and reads everything it shows right
     * after: the events it takes were committed before that read, so the read covers them (its own change's
     * among them) and it need not reload when they arrive. Events published afterwards are delivered as usual.
     */
    default java.util.List<CollabEvent> takePublished() {
        return java.util.List.of();
    }
}
