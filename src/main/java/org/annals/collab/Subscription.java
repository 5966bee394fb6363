package org.annals.collab;

/** A listener's registration on the bus; closing it stops deliveries (closing twice is harmless). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
