/**
 * Releases: a manager publishes an immutable, numbered snapshot of the vetted dataset (a zip of every
 * export format with a checksummed manifest); anyone in the project can download releases and see
 * what changed between them.
 */
@NullMarked
package org.annals.release;

import org.jspecify.annotations.NullMarked;
