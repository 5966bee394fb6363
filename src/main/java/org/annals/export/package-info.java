/**
 * Exports of a project's vetted dataset: CSV (events, entities, annotations), the whole dataset as
 * JSON and JSON Lines, annotations as W3C Web Annotations, the timeline for TimelineJS. Every export
 * streams from a database cursor in batches, so memory stays flat whatever the size, and orders
 * everything by stable keys, so the same data gives the same bytes.
 */
@NullMarked
package org.annals.export;

import org.jspecify.annotations.NullMarked;
