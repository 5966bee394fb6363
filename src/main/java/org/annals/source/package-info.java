/**
 * Sources: the texts a project annotates. Import decodes and parses a file into a draft, a person
 * confirms which blocks to keep, and freezing turns the result into an immutable text version with
 * sections, passages and citation markers stored as offset ranges. Nothing ever edits a frozen
 * text, so annotation offsets stay valid forever.
 */
@NullMarked
package org.annals.source;

import org.jspecify.annotations.NullMarked;
