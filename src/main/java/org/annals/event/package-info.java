/**
 * Events: the dated, typed, sourced entries of a project's timeline, and the project's taxonomy of
 * event types. Events change only through reviewed changesets ({@link org.annals.event.EventRecordType}).
 */
@NullMarked
package org.annals.event;

import org.jspecify.annotations.NullMarked;
