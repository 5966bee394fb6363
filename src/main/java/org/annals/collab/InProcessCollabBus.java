package org.annals.collab;

import java.util.UUID;

/** The bus of a single node: events go straight to this node's subscribers. */
final class InProcessCollabBus implements CollabBus, AutoCloseable {

    private final LocalSubscribers subscribers;

    InProcessCollabBus(int deliveryThreads) {
        this.subscribers = new LocalSubscribers(deliveryThreads);
    }

    @Override
    public void publish(CollabEvent event) {
        subscribers.deliver(event);
    }

    @Override
    public Subscription subscribe(UUID projectId, CollabListener listener) {
        return subscribers.subscribe(projectId, listener);
    }

    @Override
    public Subscription observe(UUID projectId, CollabListener listener) {
        return subscribers.subscribe(projectId, listener, false);
    }

    @Override
    public int subscriptionCount(UUID projectId) {
        return subscribers.count(projectId);
    }

    @Override
    public void close() {
        subscribers.close();
    }
}
