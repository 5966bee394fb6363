package org.annals.collab;

import java.util.UUID;

/**
 * Carries {@link CollabEvent}s to every node's subscribers of the event's project. Chosen by
 * {@code annals.collab.bus}: {@code in-process} (one node) or {@code postgres} (LISTEN/NOTIFY, every
 * node on one database). This is plumbing without permission checks; views subscribe through
 * {@link CollabService}.
 */
public interface CollabBus {

    /** Sends the event to every subscriber of its project, on this node exactly once and on the others. */
    void publish(CollabEvent event);

    /** Delivers the project's events to the listener until the subscription is closed. */
    Subscription subscribe(UUID projectId, CollabListener listener);

    /**
     * Delivers the project's events to something of this node that keeps in step with the project (a cache),
     * as {@link #subscribe} does, without counting among the project's open pages in {@link #subscriptionCount}.
     */
    Subscription observe(UUID projectId, CollabListener listener);

    /** Subscriptions of pages to the project open on this node (to check that pages leave none behind). */
    int subscriptionCount(UUID projectId);
}
