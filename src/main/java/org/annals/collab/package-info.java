/**
 * Live collaboration: small event records ({@link org.annals.collab.CollabEvent}: ids and kinds, never
 * whole records) published after commit on a {@link org.annals.collab.CollabBus}, in process on one
 * node or over PostgreSQL LISTEN/NOTIFY across several; open views subscribe through
 * {@link org.annals.collab.CollabService}, which delivers only what the viewer may know about, and
 * reload what they show through the feature services ({@code ui}). See
 * docs/decisions/0012-collab-bus-and-push.md.
 */
@NullMarked
package org.annals.collab;

import org.jspecify.annotations.NullMarked;
