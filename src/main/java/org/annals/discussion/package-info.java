/**
 * Discussion: comment threads on records (events, entities, annotations; threads on changesets stay
 * in {@code review} and share the thread component and mentions), {@code @username} mentions that
 * notify members, and the project's activity feed (who proposed, decided, commented or imported what).
 * Activity rows are written in the transaction of the thing itself, from the events features publish.
 * See docs/decisions/0013-discussion-and-activity.md.
 */
@NullMarked
package org.annals.discussion;

import org.jspecify.annotations.NullMarked;
