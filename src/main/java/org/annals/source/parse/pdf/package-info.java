/**
 * Reading the text layer of a PDF into draft blocks: glyphs with their positions and fonts from Apache PDFBox,
 * laid out in reading order (columns one after the other), headings from the outline or the fonts, paragraphs
 * joined across lines, columns and pages, line-end hyphenation undone, and running headers, footers and page
 * numbers flagged as page chrome. Refuses what it cannot or must not read (scans, passwords, bombs) with a
 * message for the person importing. See docs/decisions/0035-pdf-import.md.
 */
@NullMarked
package org.annals.source.parse.pdf;

import org.jspecify.annotations.NullMarked;
