package org.annals.search;

/** One hit: the document as indexed, its words in context (the matched words marked), and its score. */
public record SearchHit(SearchDocument document, Snippet snippet, float score) {
}
