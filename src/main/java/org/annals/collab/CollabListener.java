package org.annals.collab;

import java.util.List;

/**
 * Receives a project's events on a bus thread, in the order they were published on one node, several
 * at once when they arrive faster than the listener takes them (so that a flood costs one reload, not
 * one per event). Must not block for long: views hand the work to their UI with {@code UI.access}.
 */
@FunctionalInterface
public interface CollabListener {

    void onEvents(List<CollabEvent> batch);
}
