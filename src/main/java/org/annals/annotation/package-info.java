/**
 * Annotations: spans of a source's frozen text, marked by editors and linked to an event or an entity.
 * They are records of the moderation engine like events and entities; the editor ({@code ui}) draws
 * them over the text with the {@code annals-text} web component and batches them into the editor's
 * working draft.
 */
@NullMarked
package org.annals.annotation;

import org.jspecify.annotations.NullMarked;
