/**
 * Pre-filling an event from a selected passage: dates (with their precision, relative ones resolved
 * against the text or the source's published date), registry names (matched in any script, case- and
 * diacritic-insensitive) and casualty figures, each with the span of text it came from. Dates and figures are
 * read by the suggestion recognisers ({@link org.annals.suggest.DateRecogniser},
 * {@link org.annals.suggest.FigureRecogniser}), so the form and the editor's suggestions agree. Pure code
 * ({@link org.annals.event.prefill.EventPrefill}) behind one service that reads the registry; it
 * suggests, the person confirms: a suggestion is never saved unseen, and nothing is guessed when the
 * text does not say it.
 */
@NullMarked
package org.annals.event.prefill;

import org.jspecify.annotations.NullMarked;
