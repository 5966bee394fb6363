/**
 * Where people search a project: the box in the shell ({@code /} focuses it) and the results page, with
 * its filters in the address so that results can be bookmarked and Back works.
 */
@NullMarked
package org.annals.search.ui;

import org.jspecify.annotations.NullMarked;
