/**
 * Turning the text of an uploaded or pasted document into a draft of blocks (headings, paragraphs,
 * tables, lists, quotes), with lines that look like page chrome flagged, before a person confirms
 * what to keep. Pure functions: no database, no Spring.
 */
@NullMarked
package org.annals.source.parse;

import org.jspecify.annotations.NullMarked;
